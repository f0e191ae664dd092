using System.Diagnostics;
using System.Text.RegularExpressions;
using Storyboard.Asl.Tests.Conformance;
using Storyboard.Asl.Tests.Support;

namespace Storyboard.Asl.Tests.Definition;

/// <summary>
/// Cross-checks with the community asl-validator (npm, pinned in statemachine/package.json) that every
/// workflow definition in statemachine/ and every conformance fixture meant to be valid is valid ASL,
/// so what runs locally also deploys.
/// </summary>
public sealed class AslValidatorTests
{
    [Fact]
    public async Task AslValidator_WhenCheckingWorkflowsAndValidFixtures_ShouldAcceptEveryDefinition()
    {
        var root = Repository.Root;
        var validator = Path.Combine(root, "statemachine", "node_modules", "asl-validator", "dist", "bin", "asl-validator.js");
        Assert.True(File.Exists(validator), $"asl-validator is not installed: run npm ci in statemachine/ (looked for {validator}).");

        var scratch = Directory.CreateTempSubdirectory("asl-validator-");
        try
        {
            var files = new List<(string Name, string Path)>();
            foreach (var workflow in Directory.EnumerateFiles(Path.Combine(root, "statemachine"), "*.asl.json"))
            {
                files.Add((Path.GetFileName(workflow), await WithPlaceholdersFilled(await File.ReadAllTextAsync(workflow), scratch.FullName, Path.GetFileName(workflow))));
            }

            foreach (var fixture in ConformanceFixture.All().Where(f => f.Valid))
            {
                files.Add((fixture.Name, await WithPlaceholdersFilled(fixture.Definition.ToJsonString(), scratch.FullName, fixture.Name + ".json")));
            }

            var arguments = new List<string> { validator };
            foreach (var (_, path) in files)
            {
                arguments.Add("--json-path");
                arguments.Add(path);
            }

            var (exitCode, output) = await RunNodeAsync(arguments);

            Assert.True(exitCode == 0, "asl-validator rejected a definition:" + Environment.NewLine + output);
            Assert.Equal(files.Count, Regex.Matches(output, " is valid").Count);
        }
        finally
        {
            scratch.Delete(recursive: true);
        }
    }

    /// <summary>asl-validator checks that Resource values are ARNs; a ${Placeholder} stands for one, as CDK substitutes it on deploy.</summary>
    private static async Task<string> WithPlaceholdersFilled(string json, string folder, string name)
    {
        var filled = Repository.Placeholder().Replace(json, m => "arn:aws:lambda:us-east-1:123456789012:function:" + m.Groups[1].Value);
        var path = Path.Combine(folder, name);
        await File.WriteAllTextAsync(path, filled);
        return path;
    }

    private static async Task<(int ExitCode, string Output)> RunNodeAsync(IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException("node is not on PATH; install Node.js 20 and run npm ci in statemachine/.", e);
        }

        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            return (process.ExitCode, await stdout + await stderr);
        }
    }
}
