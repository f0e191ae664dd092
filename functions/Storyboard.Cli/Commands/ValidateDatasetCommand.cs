using System.CommandLine;
using System.Text.Json.Nodes;
using Storyboard.Core.Dataset;
using Storyboard.Core.Models;
using Storyboard.Functions.Internal;
using Storyboard.Storage;

namespace Storyboard.Cli.Commands;

/// <summary>
/// <c>storyboard validate-dataset FILE</c>: checks a training manifest against every limit of the
/// base model before any money is spent, reading each image's size from the folder that plays the bucket.
/// </summary>
public static class ValidateDatasetCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "A train.jsonl ({\"image-ref\": \"s3://bucket/key\", \"caption\": \"...\"} per line)." };
        var outDirectory = new Option<DirectoryInfo?>("--out") { Description = "The folder that plays the bucket (image keys are read from it). Default: the folder holding runs/ above FILE." };
        var model = new Option<string>("--model") { Description = "Base model profile.", DefaultValueFactory = _ => ModelProfiles.NovaCanvasId };
        var command = new Command("validate-dataset", "Check a training manifest against every dataset limit of the base model; lists every problem with its line.")
        {
            file, outDirectory, model,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var manifest = parse.GetValue(file)!;
            if (!manifest.Exists)
            {
                error.WriteLine($"The file '{manifest.FullName}' does not exist.");
                return 2;
            }

            ModelProfile profile;
            try
            {
                profile = ModelProfiles.Get(parse.GetValue(model)!);
            }
            catch (UnknownModelProfileException e)
            {
                error.WriteLine(e.Message);
                return 2;
            }

            var root = parse.GetValue(outDirectory)?.FullName ?? BucketFolder(manifest) ?? manifest.DirectoryName!;
            var store = new LocalFolderObjectStore(root);
            var facts = new Dictionary<string, ImageFacts>(StringComparer.Ordinal);
            foreach (var line in await File.ReadAllLinesAsync(manifest.FullName, cancellationToken))
            {
                if (ImageRef(line) is { } reference && S3Uri.TryParse(reference, out var uri, out _) && !facts.ContainsKey(reference)
                    && await ImageHeaders.ReadAsync(store, uri.Key, cancellationToken) is { } image)
                {
                    facts[reference] = image;
                }
            }

            await using var stream = manifest.OpenRead();
            var report = await DatasetValidator.ValidateAsync(stream, new DictionaryImageFactsLookup(facts), profile, cancellationToken);
            foreach (var violation in report.Violations)
            {
                output.WriteLine(violation.ToString());
            }

            output.WriteLine(report.IsValid
                ? $"valid: {report.RecordCount} records meet every {profile.DisplayName} dataset limit"
                : $"invalid: {report.Violations.Count} problem(s) in {report.RecordCount} records");
            return report.IsValid ? 0 : 1;
        });
        return command;
    }

    /// <summary>A manifest at OUT/runs/&lt;id&gt;/dataset/train.jsonl has its images under OUT.</summary>
    private static string? BucketFolder(FileInfo manifest)
    {
        for (var dir = manifest.Directory; dir?.Parent is not null; dir = dir.Parent)
        {
            if (dir.Name == "runs")
            {
                return dir.Parent.FullName;
            }
        }

        return null;
    }

    private static string? ImageRef(string line)
    {
        try
        {
            return (JsonNode.Parse(line) as JsonObject)?["image-ref"]?.GetValue<string>();
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or InvalidOperationException)
        {
            // The validator reports malformed lines with their numbers; here they only have no image.
            return null;
        }
    }
}
