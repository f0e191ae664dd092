using System.Text.RegularExpressions;

namespace Storyboard.Asl.Tests.Support;

/// <summary>The checkout the tests run in, and the workflow files in it.</summary>
public static partial class Repository
{
    public static string Root { get; } = FindRoot();

    /// <summary>A <c>${Name}</c> placeholder, as CDK's DefinitionSubstitutions fills them.</summary>
    [GeneratedRegex(@"\$\{([^}\s]+)\}")]
    public static partial Regex Placeholder();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Storyboard.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Storyboard.sln not found above " + AppContext.BaseDirectory);
    }
}
