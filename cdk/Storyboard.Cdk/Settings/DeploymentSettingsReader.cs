using System.Globalization;
using System.Text.RegularExpressions;
using Amazon.CDK.AWS.Lambda;
using Constructs;

namespace Storyboard.Cdk.Settings;

/// <summary>Reads <see cref="DeploymentSettings"/> from the CDK context and rejects values that would deploy something broken.</summary>
internal static partial class DeploymentSettingsReader
{
    /// <summary>Log retention values CloudWatch Logs accepts, in the order of CDK's RetentionDays members.</summary>
    internal static readonly int[] AllowedRetentionDays =
        [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653];

    public static DeploymentSettings Read(Node node, RepositoryLayout repository)
    {
        var architecture = ReadString(node, "architecture", "x86_64") switch
        {
            "x86_64" => Architecture.X86_64,
            "arm64" => Architecture.ARM_64,
            var other => throw new InvalidDeploymentSettingsException(
                $"Context 'architecture' is '{other}'; use x86_64 or arm64 (e.g. cdk deploy -c architecture=arm64)."),
        };

        var logRetentionDays = ReadInt(node, "logRetentionDays", 30);
        if (!AllowedRetentionDays.Contains(logRetentionDays))
        {
            throw new InvalidDeploymentSettingsException(
                $"Context 'logRetentionDays' is {logRetentionDays}; CloudWatch Logs accepts {string.Join(", ", AllowedRetentionDays)}.");
        }

        var frameRetentionDays = ReadInt(node, "frameRetentionDays", 7);
        if (frameRetentionDays < 1)
        {
            throw new InvalidDeploymentSettingsException($"Context 'frameRetentionDays' is {frameRetentionDays}; it must be at least 1.");
        }

        var noncurrentVersionDays = ReadInt(node, "noncurrentVersionDays", 30);
        if (noncurrentVersionDays < 1)
        {
            throw new InvalidDeploymentSettingsException($"Context 'noncurrentVersionDays' is {noncurrentVersionDays}; it must be at least 1.");
        }

        var alarmEmail = ReadString(node, "alarmEmail", string.Empty);
        if (alarmEmail.Length > 0 && !EmailPattern().IsMatch(alarmEmail))
        {
            throw new InvalidDeploymentSettingsException($"Context 'alarmEmail' is '{alarmEmail}', which is not an e-mail address.");
        }

        var layerDirectory = ReadString(node, "ffmpegLayerDir", repository.DefaultFfmpegLayer);

        var customLabels = ReadString(node, "customLabelsProjectVersionArn", string.Empty);
        if (customLabels.Length > 0 && !CustomLabelsPattern().IsMatch(customLabels))
        {
            throw new InvalidDeploymentSettingsException(
                $"Context 'customLabelsProjectVersionArn' is '{customLabels}'; expected a Rekognition project version ARN such as "
                + "arn:aws:rekognition:us-east-1:123456789012:project/characters/version/characters.2026-11-01T10.00.00/1730455200000.");
        }

        return new DeploymentSettings(
            architecture,
            ReadBool(node, "retainData", true),
            alarmEmail.Length > 0 ? alarmEmail : null,
            logRetentionDays,
            frameRetentionDays,
            noncurrentVersionDays,
            Path.GetFullPath(layerDirectory, repository.Root),
            ReadModelId(node, "baseModelId", "amazon.nova-canvas-v1:0"),
            ReadModelId(node, "embeddingModelId", "amazon.titan-embed-image-v1"),
            ReadModelId(node, "captionModelId", "amazon.nova-pro-v1:0"),
            customLabels.Length > 0 ? customLabels : null);
    }

    private static string ReadModelId(Node node, string key, string fallback)
    {
        var value = ReadString(node, key, fallback);
        if (!ModelIdPattern().IsMatch(value))
        {
            throw new InvalidDeploymentSettingsException(
                $"Context '{key}' is '{value}'; expected a Bedrock model id such as '{fallback}'.");
        }

        return value;
    }

    // Context set in cdk.json keeps its JSON type; context set with -c key=value is always a string.
    private static string ReadString(Node node, string key, string fallback) =>
        node.TryGetContext(key) switch
        {
            null => fallback,
            string text => text.Trim(),
            var other => Convert.ToString(other, CultureInfo.InvariantCulture) ?? fallback,
        };

    private static bool ReadBool(Node node, string key, bool fallback) =>
        node.TryGetContext(key) switch
        {
            null => fallback,
            bool flag => flag,
            string text when bool.TryParse(text, out var flag) => flag,
            var other => throw new InvalidDeploymentSettingsException($"Context '{key}' is '{other}'; use true or false."),
        };

    private static int ReadInt(Node node, string key, int fallback) =>
        node.TryGetContext(key) switch
        {
            null => fallback,
            int number => number,
            double number when number == Math.Floor(number) => (int)number,
            string text when int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) => number,
            var other => throw new InvalidDeploymentSettingsException($"Context '{key}' is '{other}'; use a whole number."),
        };

    [GeneratedRegex(@"^arn:aws[a-z-]*:rekognition:[a-z0-9-]+:[0-9]{12}:project/[a-zA-Z0-9_.\-]{1,255}/version/[a-zA-Z0-9_.\-]{1,255}/[0-9]+$")]
    private static partial Regex CustomLabelsPattern();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex EmailPattern();

    // Foundation-model ids (amazon.nova-pro-v1:0) and geography inference profiles (us.amazon.nova-pro-v1:0).
    [GeneratedRegex(@"^[a-z0-9-]+(\.[a-z0-9-]+)+(:[0-9a-z:]+)?$")]
    private static partial Regex ModelIdPattern();
}
