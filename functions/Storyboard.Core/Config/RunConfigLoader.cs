using System.Text.Json;
using System.Text.Json.Nodes;
using Storyboard.Core.Json;
using Storyboard.Core.Validation;

namespace Storyboard.Core.Config;

/// <summary>Reads a run config from JSON: defaults for what is omitted, every problem reported at once.</summary>
public static class RunConfigLoader
{
    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>Parses and validates.</summary>
    /// <exception cref="InvalidRunConfigException">Malformed JSON, unknown properties, wrong types or values out of range — all listed.</exception>
    public static async Task<RunConfig> LoadAsync(Stream json, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(json);
        using var reader = new StreamReader(json, leaveOpen: true);
        return Parse(await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false));
    }

    /// <inheritdoc cref="LoadAsync"/>
    public static RunConfig Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json, documentOptions: DocumentOptions);
        }
        catch (JsonException ex)
        {
            throw SyntaxError(ex);
        }

        var problems = new ProblemList();
        if (!JsonShapeChecker.CheckAndClean(root, CoreJsonContext.Default.RunConfig, problems))
        {
            throw new InvalidRunConfigException(problems.Problems);
        }

        RunConfig config;
        try
        {
            config = root.Deserialize(CoreJsonContext.Default.RunConfig)
                ?? throw new InvalidRunConfigException([new ValidationProblem("(root)", "null", "must be a JSON object")]);
        }
        catch (JsonException ex)
        {
            // The shape check covers what the serializer rejects; this is the backstop for anything it misses.
            var path = (ex.Path ?? "$").TrimStart('$').TrimStart('.');
            problems.Add(path.Length == 0 ? "(root)" : path, "(invalid)", ex.Message);
            throw new InvalidRunConfigException(problems.Problems);
        }

        // Shape problems first, then the values of everything that had the right shape; a field
        // already reported for its shape is not reported again for the default that replaced it.
        var reported = problems.Problems.Select(p => p.Path).ToHashSet(StringComparer.Ordinal);
        problems.AddRange(RunConfigValidator.Validate(config).Where(p => !reported.Contains(p.Path)));
        return problems.Count > 0 ? throw new InvalidRunConfigException(problems.Problems) : config;
    }

    public static string Serialize(RunConfig config) => JsonSerializer.Serialize(config, CoreJsonContext.Default.RunConfig);

    private static InvalidRunConfigException SyntaxError(JsonException ex) =>
        new([new ValidationProblem(
            "(json)",
            $"line {(ex.LineNumber ?? 0) + 1}, byte {(ex.BytePositionInLine ?? 0) + 1}",
            "is not valid JSON: " + ex.Message)]);
}
