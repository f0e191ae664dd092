namespace Storyboard.Aws.Tests;

/// <summary>
/// The API models and the SigV4 test suite live in the shared folder beside the repository
/// (CI clones the repository with shared/ next to it), never inside it.
/// </summary>
internal static class SharedFiles
{
    private static readonly Lazy<string> Root = new(FindSharedRoot);

    public static string SharedRoot => Root.Value;

    public static string ModelPath(string service) => Path.Combine(SharedRoot, "aws-models", service + ".service-2.json");

    public static string SigV4SuiteRoot => Path.Combine(SharedRoot, "aws-sigv4-testsuite");

    private static string FindSharedRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Storyboard.sln")))
        {
            directory = directory.Parent;
        }

        if (directory?.Parent is null)
        {
            throw new InvalidOperationException("Storyboard.sln not found above " + AppContext.BaseDirectory);
        }

        var shared = Path.Combine(directory.Parent.FullName, "shared");
        if (!Directory.Exists(shared))
        {
            throw new InvalidOperationException($"The shared folder is expected beside the repository at {shared}.");
        }

        return shared;
    }
}
