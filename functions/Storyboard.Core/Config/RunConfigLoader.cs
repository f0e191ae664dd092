using System.Text.Json;
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
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(json, DocumentOptions, cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException ex)
        {
            throw SyntaxError(ex);
        }

        using (document)
        {
            return FromDocument(document);
        }
    }

    /// <inheritdoc cref="LoadAsync"/>
    public static RunConfig Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, DocumentOptions);
        }
        catch (JsonException ex)
        {
            throw SyntaxError(ex);
        }

        using (document)
        {
            return FromDocument(document);
        }
    }

    public static string Serialize(RunConfig config) => JsonSerializer.Serialize(config, CoreJsonContext.Default.RunConfig);

    private static RunConfig FromDocument(JsonDocument document)
    {
        var problems = new ProblemList();
        JsonShapeChecker.Check(document.RootElement, CoreJsonContext.Default.RunConfig, problems);
        if (problems.Count > 0)
        {
            throw new InvalidRunConfigException(problems.Problems);
        }

        RunConfig config;
        try
        {
            config = document.RootElement.Deserialize(CoreJsonContext.Default.RunConfig)
                ?? throw new InvalidRunConfigException([new ValidationProblem("(root)", "null", "must be a JSON object")]);
        }
        catch (JsonException ex)
        {
            // The shape check covers what the serializer rejects; this is the backstop for anything it misses.
            var path = (ex.Path ?? "$").TrimStart('$').TrimStart('.');
            throw new InvalidRunConfigException([new ValidationProblem(path.Length == 0 ? "(root)" : path, "(invalid)", ex.Message)]);
        }

        var valueProblems = RunConfigValidator.Validate(config);
        return valueProblems.Count > 0 ? throw new InvalidRunConfigException(valueProblems) : config;
    }

    private static InvalidRunConfigException SyntaxError(JsonException ex) =>
        new([new ValidationProblem(
            "(json)",
            $"line {(ex.LineNumber ?? 0) + 1}, byte {(ex.BytePositionInLine ?? 0) + 1}",
            "is not valid JSON: " + ex.Message)]);
}
