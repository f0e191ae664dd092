using Storyboard.Cdk.Settings;

namespace Storyboard.Cdk.Tests.Settings;

public sealed class RepositoryLayoutTests
{
    [Fact]
    public void Find_FromADeepFolder_ShouldReturnTheRepositoryRoot()
    {
        var layout = RepositoryLayout.Find(AppContext.BaseDirectory);

        Assert.True(File.Exists(Path.Combine(layout.Root, "Storyboard.sln")));
        Assert.True(File.Exists(layout.WorkflowDefinition));
        Assert.True(File.Exists(layout.FunctionsProject));
    }

    [Fact]
    public void Find_OutsideTheRepository_ShouldTellTheUserWhereToRunFrom()
    {
        var exception = Assert.Throws<RepositoryNotFoundException>(() => RepositoryLayout.Find(Path.GetTempPath()));

        Assert.Contains("repository root", exception.Message, StringComparison.Ordinal);
    }
}
