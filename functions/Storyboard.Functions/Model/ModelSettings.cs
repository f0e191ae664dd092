using System.Globalization;

namespace Storyboard.Functions.Model;

/// <summary>Account-level settings of the model steps (not part of a run's config, since they depend on the account).</summary>
/// <param name="RoleArn">The service role Bedrock assumes to read the dataset and write the model.</param>
/// <param name="ModelUnits">Provisioned throughput units to buy (an account has none committed by default).</param>
public sealed record ModelSettings(string RoleArn, int ModelUnits)
{
    /// <summary>The role named in dry-run requests when none is configured; account 000000000000 is no real account.</summary>
    public const string DryRunRoleArn = "arn:aws:iam::000000000000:role/storyboard-dry-run";

    /// <summary>True when a role is set; Bedrock refuses a job without one.</summary>
    public bool HasRole => RoleArn.Length > 0;

    /// <summary>From <c>STORYBOARD_CUSTOMIZATION_ROLE_ARN</c> and <c>STORYBOARD_MODEL_UNITS</c> (default 1).</summary>
    /// <param name="environment">Reads one variable.</param>
    /// <param name="dryRun">
    /// True for the offline dry run, which names a placeholder role when none is set; against
    /// Bedrock a missing role stays empty and StartFineTuning refuses to start.
    /// </param>
    public static ModelSettings FromEnvironment(Func<string, string?> environment, bool dryRun = true)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var role = environment("STORYBOARD_CUSTOMIZATION_ROLE_ARN");
        var unitsText = environment("STORYBOARD_MODEL_UNITS");
        var units = 1;
        if (!string.IsNullOrWhiteSpace(unitsText) && (!int.TryParse(unitsText, NumberStyles.None, CultureInfo.InvariantCulture, out units) || units < 1))
        {
            throw new ServicesNotConfiguredException($"STORYBOARD_MODEL_UNITS is '{unitsText}'; set it to a whole number of model units, 1 or more.");
        }

        return new ModelSettings(string.IsNullOrWhiteSpace(role) ? (dryRun ? DryRunRoleArn : string.Empty) : role.Trim(), units);
    }
}
