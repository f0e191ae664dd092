using Storyboard.Aws.Bedrock;
using Storyboard.Aws.Bedrock.Model;
using Storyboard.Aws.Rekognition;
using Storyboard.Aws.Tests.Support;

namespace Storyboard.Aws.Tests.Http;

public sealed class PagingWireTests(LoopbackServerFixture fixture) : IClassFixture<LoopbackServerFixture>
{
    [Fact]
    public async Task ListAllFaces_WhenTheCollectionSpansPages_ShouldFollowNextTokenToTheEnd()
    {
        var server = fixture.Server;
        server.Enqueue(
            ScriptedResponse.Ok("""{"Faces":[{"FaceId":"f1","ExternalImageId":"Tux"},{"FaceId":"f2","ExternalImageId":"Gnu"}],"NextToken":"page-2"}"""),
            ScriptedResponse.Ok("""{"Faces":[{"FaceId":"f3","ExternalImageId":"Tux"}]}"""));
        var before = server.Received.Count;
        var clients = new TestClients(server).Clients;

        var faces = new List<string?>();
        await foreach (var face in clients.Rekognition.ListAllFacesAsync("characters", pageSize: 2))
        {
            faces.Add(face.FaceId);
        }

        Assert.Equal(["f1", "f2", "f3"], faces);
        var requests = server.Received.Skip(before).ToList();
        Assert.Equal(2, requests.Count);
        Assert.Contains("\"NextToken\":\"page-2\"", System.Text.Encoding.UTF8.GetString(requests[1].Body), StringComparison.Ordinal);
        Assert.All(requests, r => Assert.Null(r.SignatureProblem));
    }

    [Fact]
    public async Task ListAllProvisionedModelThroughputs_WhenPaged_ShouldKeepTheFilterAndPassTheToken()
    {
        var server = fixture.Server;
        server.Enqueue(
            ScriptedResponse.Ok("""{"provisionedModelSummaries":[{"provisionedModelName":"a","status":"InService"}],"nextToken":"n/2+"}"""),
            ScriptedResponse.Ok("""{"provisionedModelSummaries":[{"provisionedModelName":"b","status":"Creating"}]}"""));
        var before = server.Received.Count;
        var clients = new TestClients(server).Clients;

        var names = new List<string?>();
        await foreach (var throughput in clients.Bedrock.ListAllProvisionedModelThroughputsAsync(new ListProvisionedModelThroughputsRequest(NameContains: "storyboard")))
        {
            names.Add(throughput.ProvisionedModelName);
        }

        Assert.Equal(["a", "b"], names);
        var second = server.Received.Skip(before).Last();
        Assert.Equal("/provisioned-model-throughputs", second.RawPath);
        Assert.Contains(new KeyValuePair<string, string>("nextToken", "n/2+"), second.Query);
        Assert.Contains(new KeyValuePair<string, string>("nameContains", "storyboard"), second.Query);
        Assert.Null(second.SignatureProblem);
    }
}
