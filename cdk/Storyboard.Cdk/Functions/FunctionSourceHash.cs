using System.Security.Cryptography;
using System.Text;
using Storyboard.Cdk.Settings;

namespace Storyboard.Cdk.Functions;

/// <summary>
/// The asset hash of the functions' code: SHA-256 over every source file under functions/ (build
/// output folders excluded), the shared build settings and the target runtime identifier. A change to
/// any of them — a package version in Directory.Packages.props included — publishes again; nothing
/// else does, so repeated synths reuse the bundle in cdk.out.
/// </summary>
internal static class FunctionSourceHash
{
    private static readonly HashSet<string> SkippedDirectories = new(StringComparer.Ordinal) { "bin", "obj", "node_modules", ".vs" };

    public static string Compute(RepositoryLayout repository, string runtimeIdentifier)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Append(hash, "rid:" + runtimeIdentifier);

        var files = EnumerateSources(repository.FunctionsSource)
            .Concat(repository.SharedBuildFiles.Where(File.Exists))
            .Select(path => (Relative: Path.GetRelativePath(repository.Root, path).Replace('\\', '/'), Path: path))
            .OrderBy(file => file.Relative, StringComparer.Ordinal);

        foreach (var (relative, path) in files)
        {
            Append(hash, "file:" + relative);
            hash.AppendData(SHA256.HashData(File.ReadAllBytes(path)));
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static IEnumerable<string> EnumerateSources(string directory)
    {
        foreach (var file in Directory.EnumerateFiles(directory))
        {
            yield return file;
        }

        foreach (var child in Directory.EnumerateDirectories(directory))
        {
            if (SkippedDirectories.Contains(Path.GetFileName(child)))
            {
                continue;
            }

            foreach (var file in EnumerateSources(child))
            {
                yield return file;
            }
        }
    }

    private static void Append(IncrementalHash hash, string text)
    {
        hash.AppendData(Encoding.UTF8.GetBytes(text));
        hash.AppendData([0]);
    }
}
