using System.Text.Json.Nodes;

namespace Storyboard.Cdk.Tests.Models;

[Collection(SynthesizedStackCollection.Name)]
public sealed class ModelCustomizationRoleTests(SynthesizedStackFixture fixture)
{
    private readonly Synthesis _stack = fixture.Synthesis;

    private string RoleId => _stack.LogicalIdOf("ModelCustomization/Role");

    [Fact]
    public void Trust_ShouldAdmitOnlyBedrockCustomizationJobsOfThisAccount()
    {
        var trust = _stack.Resources[RoleId]!["Properties"]!["AssumeRolePolicyDocument"]!["Statement"]!.AsArray().Single()!;

        Assert.Equal("sts:AssumeRole", (string?)trust["Action"]);
        Assert.Equal("bedrock.amazonaws.com", (string?)trust["Principal"]!["Service"]);
        Assert.Equal("AWS::AccountId", (string?)trust["Condition"]!["StringEquals"]!["aws:SourceAccount"]!["Ref"]);
        var sourceArn = trust["Condition"]!["ArnLike"]!["aws:SourceArn"]!.ToJsonString();
        Assert.Contains(":bedrock:", sourceArn, StringComparison.Ordinal);
        Assert.Contains("AWS::Region", sourceArn, StringComparison.Ordinal);
        Assert.Contains(":model-customization-job/*", sourceArn, StringComparison.Ordinal);
    }

    [Fact]
    public void Role_ShouldReadDatasetAndCropsAndWriteOnlyModelOutput()
    {
        var statements = _stack.StatementsOfRole(RoleId);
        var read = statements.Single(s => (string?)s["Sid"] == "ReadDatasetAndCrops");
        var write = statements.Single(s => (string?)s["Sid"] == "WriteModelOutput");

        Assert.Equal("s3:GetObject", (string?)read["Action"]);
        var readResources = read["Resource"]!.ToJsonString();
        Assert.Contains("/runs/*/dataset/*", readResources, StringComparison.Ordinal);
        Assert.Contains("/runs/*/crops/*", readResources, StringComparison.Ordinal);
        Assert.Contains("s3:PutObject", Synthesis.AsList(write["Action"]).Select(a => (string?)a));
        Assert.EndsWith("/runs/*/model/*\"]]}", write["Resource"]!.ToJsonString(), StringComparison.Ordinal);

        var writers = statements.Where(s => Synthesis.AsList(s["Action"]).Any(a => (string?)a == "s3:PutObject")).ToList();
        Assert.Equal([write], writers);
    }
}
