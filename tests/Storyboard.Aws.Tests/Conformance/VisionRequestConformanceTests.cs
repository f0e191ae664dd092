using System.Text.Json.Nodes;
using Storyboard.Aws.Http;
using Storyboard.Aws.Tests.Support;
using Storyboard.Aws.Tests.Vision;
using Storyboard.Aws.Vision;

namespace Storyboard.Aws.Tests.Conformance;

/// <summary>
/// The requests the Rekognition character index and detector really send (inline image bytes,
/// DEFAULT face attributes, QualityFilter NONE, …), on every path, checked against the API model.
/// </summary>
public sealed class VisionRequestConformanceTests(LoopbackServerFixture fixture) : IClassFixture<LoopbackServerFixture>
{
    [Fact]
    public async Task BuildAndDetect_WhenEveryPathRuns_ShouldSendOnlyRequestsTheApiModelAccepts()
    {
        var server = fixture.Server;
        var fake = new FakeRekognition { CollectionExists = false };
        fake.Attach(server);
        fake.Faces.Add(("0d2c7e0a-5f3b-4c1e-9a77-3b1f0e6c2d11", "8e4f6a21-7b0c-4d3e-a1f2-5c6d7e8f9a0b", VisionFixtures.FaceId(VisionFixtures.Reference("Tux", "old.png", VisionFixtures.Sprite(VisionFixtures.GnuBody, VisionFixtures.TuxBelly)))));
        fake.On("DetectFaces", _ => FakeRekognition.Json(new JsonObject { ["FaceDetails"] = new JsonArray(FakeRekognition.FaceDetail(0.2, 0.3, 0.1, 0.15)) }));
        fake.On("DetectLabels", _ => FakeRekognition.Json(new JsonObject { ["Labels"] = new JsonArray() }));
        fake.On("SearchFacesByImage", _ => FakeRekognition.Json(new JsonObject { ["FaceMatches"] = new JsonArray() }));
        fake.On("DetectCustomLabels", _ => FakeRekognition.Json(new JsonObject { ["CustomLabels"] = new JsonArray() }));
        var rekognition = new TestClients(server).Clients.Rekognition;
        var options = new RekognitionVisionOptions("characters");
        var before = server.Received.Count;

        var index = await new RekognitionCharacterReferenceIndexBuilder(rekognition, options).BuildAsync([VisionFixtures.Tux(), VisionFixtures.Gnu()], CancellationToken.None);
        var frame = VisionFixtures.Frame(640, 360, (VisionFixtures.Sprite(VisionFixtures.TuxBody, VisionFixtures.TuxBelly), 100, 110));
        await new RekognitionCharacterDetector(rekognition, options).DetectAsync(frame, index, CancellationToken.None);
        await new RekognitionCharacterDetector(rekognition, options with { CustomLabelsProjectVersionArn = "arn:aws:rekognition:us-east-1:123456789012:project/characters/version/characters.1/1700000000000" })
            .DetectAsync(frame, index, CancellationToken.None);

        var received = server.Received.Skip(before).ToList();
        var operations = new List<string>();
        foreach (var request in received)
        {
            Assert.Null(request.SignatureProblem);
            var (operation, problems) = RequestConformance.Check(AwsServices.Rekognition, request);
            Assert.True(problems.Count == 0, operation + ": " + string.Join("\n", problems));
            operations.Add(operation);
        }

        Assert.Equal(
            ["CreateCollection", "DeleteFaces", "DescribeCollection", "DetectCustomLabels", "DetectFaces", "DetectLabels", "IndexFaces", "ListFaces", "SearchFacesByImage"],
            operations.Distinct().Order(StringComparer.Ordinal));
    }
}
