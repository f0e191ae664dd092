using System.Security.Cryptography;
using Storyboard.Core.Runs;

namespace Storyboard.Core.Customization;

/// <summary>
/// The Bedrock names and client request tokens of a run, derived from the run id (and the
/// dataset's content for the job), so every retry, redrive or re-upload of the same run asks for
/// the same job and the same throughput instead of paying twice.
/// </summary>
/// <remarks>
/// Run ids are at most 45 characters of <c>[a-z0-9-]</c> with single hyphens, so each name stays
/// within Bedrock's 63 characters and its patterns.
/// </remarks>
public sealed class CustomizationNames
{
    private const string Prefix = "sb-";

    /// <exception cref="InvalidRunIdException">Not a valid run id.</exception>
    public CustomizationNames(string runId) => RunId = RunIds.Validate(runId);

    public string RunId { get; }

    public string JobName => Prefix + RunId + "-ft";

    public string CustomModelName => Prefix + RunId + "-model";

    public string ProvisionedModelName => Prefix + RunId + "-pt";

    public string ThroughputToken => RunId + "-pt";

    /// <summary>The job's token: the run plus the first 16 hex digits of the training file's SHA-256.</summary>
    public string JobToken(ReadOnlySpan<byte> trainingFile) =>
        RunId + "-" + Convert.ToHexStringLower(SHA256.HashData(trainingFile))[..16];
}
