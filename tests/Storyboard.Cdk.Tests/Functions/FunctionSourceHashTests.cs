using Storyboard.Cdk.Functions;
using Storyboard.Cdk.Settings;

namespace Storyboard.Cdk.Tests.Functions;

public sealed class FunctionSourceHashTests : IDisposable
{
    private readonly RepositoryLayout _repository = new(Path.Combine(Path.GetTempPath(), "storyboard-hash-" + Guid.NewGuid().ToString("N")));

    public FunctionSourceHashTests()
    {
        Write("functions/Storyboard.Functions/Handlers/PrepareRunHandler.cs", "class A {}");
        Write("functions/Storyboard.Core/Plan.cs", "class B {}");
        Write("Directory.Packages.props", "<Project />");
    }

    [Fact]
    public void Compute_WhenNothingChanges_ShouldBeStableAndLowerHex()
    {
        var first = FunctionSourceHash.Compute(_repository, "linux-x64");

        Assert.Equal(first, FunctionSourceHash.Compute(_repository, "linux-x64"));
        Assert.Matches("^[0-9a-f]{64}$", first);
    }

    [Fact]
    public void Compute_WhenASourceFileChanges_ShouldChange()
    {
        var before = FunctionSourceHash.Compute(_repository, "linux-x64");
        Write("functions/Storyboard.Core/Plan.cs", "class B { int x; }");

        Assert.NotEqual(before, FunctionSourceHash.Compute(_repository, "linux-x64"));
    }

    [Fact]
    public void Compute_WhenAPackageVersionChanges_ShouldChange()
    {
        var before = FunctionSourceHash.Compute(_repository, "linux-x64");
        Write("Directory.Packages.props", "<Project><ItemGroup /></Project>");

        Assert.NotEqual(before, FunctionSourceHash.Compute(_repository, "linux-x64"));
    }

    [Fact]
    public void Compute_WhenOnlyBuildOutputChanges_ShouldNotChange()
    {
        var before = FunctionSourceHash.Compute(_repository, "linux-x64");
        Write("functions/Storyboard.Core/bin/Debug/Storyboard.Core.dll", "binary");
        Write("functions/Storyboard.Core/obj/project.assets.json", "{}");

        Assert.Equal(before, FunctionSourceHash.Compute(_repository, "linux-x64"));
    }

    [Fact]
    public void Compute_ForTheOtherArchitecture_ShouldDiffer()
    {
        Assert.NotEqual(FunctionSourceHash.Compute(_repository, "linux-x64"), FunctionSourceHash.Compute(_repository, "linux-arm64"));
    }

    public void Dispose() => Directory.Delete(_repository.Root, recursive: true);

    private void Write(string relative, string text)
    {
        var path = Path.Combine(_repository.Root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }
}
