namespace Storyboard.Cdk.Settings;

/// <summary>
/// Where the app finds what it deploys. Paths are absolute so synthesis does not depend on the
/// working directory (the CDK CLI runs the app from the repository root, tests from their bin folder).
/// </summary>
public sealed record RepositoryLayout(string Root)
{
    /// <summary>The one workflow definition, deployed as is and run by the local executor.</summary>
    public string WorkflowDefinition => Path.Combine(Root, "statemachine", "storyboard.asl.json");

    /// <summary>The project whose publish output is the code of every workflow function.</summary>
    public string FunctionsProject => Path.Combine(Root, "functions", "Storyboard.Functions", "Storyboard.Functions.csproj");

    /// <summary>Everything the functions' build reads: their sources and the shared build settings.</summary>
    public string FunctionsSource => Path.Combine(Root, "functions");

    public IReadOnlyList<string> SharedBuildFiles =>
    [
        Path.Combine(Root, "Directory.Build.props"),
        Path.Combine(Root, "Directory.Packages.props"),
    ];

    /// <summary>Default output of <c>layers/ffmpeg/build.sh</c>.</summary>
    public string DefaultFfmpegLayer => Path.Combine(Root, "layers", "ffmpeg", "build");

    /// <summary>Walks up from <paramref name="start"/> to the folder holding Storyboard.sln and the workflow file.</summary>
    public static RepositoryLayout Find(string start)
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            var candidate = new RepositoryLayout(directory.FullName);
            if (File.Exists(Path.Combine(directory.FullName, "Storyboard.sln")) && File.Exists(candidate.WorkflowDefinition))
            {
                return candidate;
            }
        }

        throw new RepositoryNotFoundException(
            $"No Storyboard repository (Storyboard.sln and statemachine/storyboard.asl.json) above '{start}'. " +
            "Run the CDK CLI from the repository root (cdk synth / cdk deploy).");
    }
}
