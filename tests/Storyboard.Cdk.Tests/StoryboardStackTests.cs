namespace Storyboard.Cdk.Tests;

[Collection(SynthesizedStackCollection.Name)]
public sealed class StoryboardStackTests(SynthesizedStackFixture fixture)
{
    private readonly Synthesis _stack = fixture.Synthesis;

    private string Output(string name) => _stack.Json["Outputs"]![name]!["Value"]!.ToJsonString();

    [Fact]
    public void Outputs_ShouldNameBucketUploadPrefixAndStateMachine()
    {
        Assert.Equal($"{{\"Ref\":\"{_stack.LogicalIdOf("Runs/Bucket")}\"}}", Output("BucketName"));
        Assert.Equal("\"uploads/\"", Output("UploadPrefix"));
        Assert.Equal($"{{\"Ref\":\"{_stack.LogicalIdOf("Workflow/StateMachine")}\"}}", Output("StateMachineArn"));
    }

    [Theory]
    [InlineData("ExecutionsConsoleUrl", ".console.aws.amazon.com/states/home?region=")]
    [InlineData("BucketConsoleUrl", "https://s3.console.aws.amazon.com/s3/buckets/")]
    [InlineData("DashboardUrl", "#dashboards:name=")]
    public void Outputs_ShouldLinkToTheConsole(string name, string fragment)
    {
        Assert.Contains(fragment, Output(name), StringComparison.Ordinal);
    }

    [Fact]
    public void Collection_ShouldBeAStackResourceNamedAfterTheStack()
    {
        _stack.Template.HasResourceProperties("AWS::Rekognition::Collection", new Dictionary<string, object>
        {
            ["CollectionId"] = "Storyboard-characters",
        });
    }
}
