using System.Globalization;
using Storyboard.Core.Customization;

namespace Storyboard.Core.Models;

/// <summary>
/// Decides from the catalog's answer whether a run may fine-tune its base model, before it spends
/// anything: a LEGACY model accepts no new fine-tuning job or provisioned throughput (DESIGN §6),
/// and a model without FINE_TUNING cannot be customized at all.
/// </summary>
public static class BaseModelCheck
{
    /// <summary>Asks the catalog about the profile's base model and throws unless the run can fine-tune it.</summary>
    /// <returns>What the catalog said, for the run's log.</returns>
    /// <exception cref="BaseModelNotAvailableException">The catalog does not offer the model.</exception>
    /// <exception cref="BaseModelRetiredException">The model is not ACTIVE.</exception>
    /// <exception cref="BaseModelNotCustomizableException">FINE_TUNING is not among its customizations.</exception>
    public static async Task<FoundationModelInfo> EnsureFineTunableAsync(IFoundationModelCatalog catalog, ModelProfile profile, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(profile);
        var model = await catalog.DescribeAsync(profile.BaseModelId, cancellationToken).ConfigureAwait(false);
        return EnsureFineTunable(profile, model, catalog.ServiceName);
    }

    /// <inheritdoc cref="EnsureFineTunableAsync" path="/exception"/>
    public static FoundationModelInfo EnsureFineTunable(ModelProfile profile, FoundationModelInfo? model, string serviceName)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var name = $"{profile.DisplayName} ({profile.BaseModelId})";
        var region = CustomizationRegions.Note(profile);
        if (model is null)
        {
            throw new BaseModelNotAvailableException(Join(
                $"{name} is not offered by {serviceName}.",
                region,
                "Nothing was spent. Run where the model is offered and enable access to it in the Bedrock console (Model access); otherwise "
                + Remedy(profile)));
        }

        if (!model.IsActive)
        {
            var when = model.LegacyTime is { } legacy ? " since " + Day(legacy) : string.Empty;
            var end = model.EndOfLifeTime is { } eol ? $" (end of life {Day(eol)})" : string.Empty;
            throw new BaseModelRetiredException(Join(
                $"{name} is {model.LifecycleStatus} on {serviceName}{when}{end}: Bedrock accepts no new fine-tuning job or provisioned throughput for it.",
                "Nothing was spent. " + Capitalized(Remedy(profile))));
        }

        if (!model.SupportsFineTuning)
        {
            var offered = model.CustomizationsSupported.Count == 0 ? "none" : string.Join(", ", model.CustomizationsSupported);
            throw new BaseModelNotCustomizableException(Join(
                $"{name} does not support {FoundationModelInfo.FineTuning} on {serviceName} (customizations offered: {offered}).",
                region,
                "Nothing was spent. " + Capitalized(Remedy(profile))));
        }

        return model;
    }

    private static string Remedy(ModelProfile profile)
    {
        var others = ModelProfiles.Ids.Where(id => id != profile.Id).ToList();
        var pick = others.Count == 0
            ? "pick another base model profile when one is available ('baseModel' in the run config)"
            : $"pick another base model profile ('baseModel' in the run config: {string.Join(", ", others)})";
        return pick + ", or start the run dataset-only (storyboard run --dataset-only, or \"datasetOnly\": true in the execution input) "
            + "to build and keep the dataset: it is also exported in a portable folder form that trains other image models.";
    }

    private static string Day(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Capitalized(string text) => char.ToUpperInvariant(text[0]) + text[1..];

    private static string Join(params string[] sentences) => string.Join(" ", sentences.Where(s => s.Length > 0));
}
