using Storyboard.Cdk.Functions;

namespace Storyboard.Cdk.Tests.Functions;

/// <summary>
/// The arguments, and the failure path with a real <c>dotnet</c> process. A full publish of the
/// functions takes minutes on a shared machine, so the success path is exercised by <c>cdk synth</c>.
/// </summary>
public sealed class DotnetPublishBundlingTests
{
    [Fact]
    public void Arguments_ShouldPublishFrameworkDependentReleaseForTheRuntimeIdentifier()
    {
        var bundling = new DotnetPublishBundling("/repo/functions/Storyboard.Functions/Storyboard.Functions.csproj", "linux-arm64");

        Assert.Equal(
            ["publish", "/repo/functions/Storyboard.Functions/Storyboard.Functions.csproj", "-c", "Release", "-r", "linux-arm64", "--self-contained", "false", "-o", "/out", "--nologo"],
            bundling.Arguments("/out"));
    }

    [Fact]
    public void TryBundle_WhenPublishFails_ShouldThrowWithTheExitCodeAndOutput()
    {
        var missing = Path.Combine(Path.GetTempPath(), "storyboard-missing-" + Guid.NewGuid().ToString("N"), "Missing.csproj");
        var output = Directory.CreateTempSubdirectory("storyboard-bundle-");
        try
        {
            var bundling = new DotnetPublishBundling(missing, "linux-x64");

            var exception = Assert.Throws<FunctionPublishFailedException>(() => bundling.TryBundle(output.FullName, null!));

            Assert.Contains("exit code", exception.Message, StringComparison.Ordinal);
            Assert.Contains("Missing.csproj", exception.Message, StringComparison.Ordinal);
        }
        finally
        {
            output.Delete(recursive: true);
        }
    }
}
