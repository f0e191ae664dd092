using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Storyboard.Core.Config;
using Storyboard.Core.Json;

namespace Storyboard.Core.Runs;

/// <summary>
/// Deterministic run ids: the same video (same key and same content identity) with the same config
/// always maps to the same run, so a re-upload or a redrive finds the run folder, the training job
/// and the throughput it already made instead of paying for them twice.
/// </summary>
/// <remarks>
/// Form: <c>&lt;slug&gt;-&lt;12 hex&gt;</c>, e.g. <c>big-buck-bunny-3f9a0c12b7de</c>. The slug is the
/// video's file name, lower-cased, for people; the hash (SHA-256) is of the key, the identity and the
/// config hash. At most 45 characters of <c>[a-z0-9-]</c> with no doubled or edge hyphen, which is
/// valid as an S3 key segment, a Step Functions execution name, and (with a short suffix) a Bedrock
/// job or model name.
/// </remarks>
public static partial class RunIds
{
    public const int MaxLength = 45;
    private const int SlugLength = 32;
    private const int HashHexLength = 12;

    /// <param name="videoKey">Object key of the uploaded video.</param>
    /// <param name="contentIdentity">The object's version id, ETag or a content hash: changes when the bytes change.</param>
    /// <param name="configHash">From <see cref="ConfigHash"/>.</param>
    public static string Derive(string videoKey, string contentIdentity, string configHash)
    {
        ArgumentException.ThrowIfNullOrEmpty(videoKey);
        ArgumentException.ThrowIfNullOrEmpty(contentIdentity);
        ArgumentException.ThrowIfNullOrEmpty(configHash);
        // ETags arrive quoted from some APIs and bare from others; the quotes are not identity.
        var identity = contentIdentity.Trim().Trim('"');
        var material = Encoding.UTF8.GetBytes($"storyboard-run-v1\n{videoKey}\n{identity}\n{configHash}");
        var hash = Convert.ToHexStringLower(SHA256.HashData(material))[..HashHexLength];
        var slug = Slug(videoKey);
        return slug.Length == 0 ? "run-" + hash : slug + "-" + hash;
    }

    /// <summary>SHA-256 (hex) of the config's canonical JSON: defaults written out, so omitting a default and writing it hash the same.</summary>
    public static string ConfigHash(RunConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var json = JsonSerializer.SerializeToUtf8Bytes(config, CoreJsonContext.Default.RunConfig);
        return Convert.ToHexStringLower(SHA256.HashData(json));
    }

    public static bool IsValid(string? runId) =>
        runId is { Length: > 0 and <= MaxLength } && Pattern().IsMatch(runId);

    /// <exception cref="InvalidRunIdException">Not a valid run id.</exception>
    public static string Validate(string? runId) => IsValid(runId)
        ? runId!
        : throw new InvalidRunIdException(
            $"'{runId}' is not a run id: use 1-{MaxLength} lowercase letters, digits and single hyphens, starting and ending with a letter or digit (e.g. 'intro-3f9a0c12b7de').");

    private static string Slug(string videoKey)
    {
        var name = videoKey;
        var slash = name.LastIndexOf('/');
        if (slash >= 0)
        {
            name = name[(slash + 1)..];
        }

        var dot = name.LastIndexOf('.');
        if (dot > 0)
        {
            name = name[..dot];
        }

        var builder = new StringBuilder(SlugLength);
        foreach (var c in name.ToLowerInvariant())
        {
            if (builder.Length == SlugLength)
            {
                break;
            }

            if (c is (>= 'a' and <= 'z') or (>= '0' and <= '9'))
            {
                builder.Append(c);
            }
            else if (builder.Length > 0 && builder[^1] != '-')
            {
                builder.Append('-');
            }
        }

        return builder.ToString().Trim('-');
    }

    [GeneratedRegex("^[a-z0-9]+(?:-[a-z0-9]+)*\\z", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
