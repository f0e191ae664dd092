using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Storyboard.Aws.Tests.Support;
using Storyboard.Core.Imaging;

namespace Storyboard.Aws.Tests.Vision;

/// <summary>
/// Answers the loopback server like Rekognition would: a face collection with state (create,
/// describe, list in pages, index, delete) and per-test handlers for the image operations.
/// Response bodies follow the API's shapes, including members the product ignores.
/// </summary>
internal sealed class FakeRekognition
{
    private readonly Dictionary<string, Func<JsonElement, ScriptedResponse>> _handlers = new(StringComparer.Ordinal);
    private int _nextId;

    public bool CollectionExists { get; set; } = true;

    /// <summary>Faces held by the collection (FaceId, ImageId, ExternalImageId).</summary>
    public List<(string FaceId, string ImageId, string ExternalImageId)> Faces { get; } = [];

    /// <summary>Whether IndexFaces finds a face in the (decoded) reference it is given.</summary>
    public Func<RgbaImage, bool> FindsFace { get; set; } = _ => true;

    /// <summary>ListFaces page size, small so paging is exercised.</summary>
    public int PageSize { get; set; } = 2;

    /// <summary>Every call: operation and JSON body.</summary>
    public List<(string Operation, JsonElement Body)> Calls { get; } = [];

    public IEnumerable<string> Operations => Calls.Select(c => c.Operation);

    public int Count(string operation) => Calls.Count(c => c.Operation == operation);

    public IEnumerable<JsonElement> Bodies(string operation) => Calls.Where(c => c.Operation == operation).Select(c => c.Body);

    public void On(string operation, Func<JsonElement, ScriptedResponse> handler) => _handlers[operation] = handler;

    public void Attach(LoopbackAwsServer server) => server.Responder = Respond;

    public static byte[] ImageBytes(JsonElement body) => body.GetProperty("Image").GetProperty("Bytes").GetBytesFromBase64();

    public static ScriptedResponse Json(JsonNode node) => ScriptedResponse.Ok(node.ToJsonString());

    public static JsonObject Box(double left, double top, double width, double height) => new()
    {
        ["Width"] = width, ["Height"] = height, ["Left"] = left, ["Top"] = top,
    };

    /// <summary>A DetectFaces FaceDetail with the DEFAULT attributes Rekognition returns.</summary>
    public static JsonObject FaceDetail(double left, double top, double width, double height, double confidence = 99.9) => new()
    {
        ["BoundingBox"] = Box(left, top, width, height),
        ["Landmarks"] = new JsonArray(
            new JsonObject { ["Type"] = "eyeLeft", ["X"] = left + (width * 0.3), ["Y"] = top + (height * 0.4) },
            new JsonObject { ["Type"] = "eyeRight", ["X"] = left + (width * 0.7), ["Y"] = top + (height * 0.4) }),
        ["Pose"] = new JsonObject { ["Roll"] = 1.2, ["Yaw"] = -3.4, ["Pitch"] = 5.6 },
        ["Quality"] = new JsonObject { ["Brightness"] = 71.5, ["Sharpness"] = 83.1 },
        ["Confidence"] = confidence,
    };

    /// <summary>Kestrel serves concurrent requests (DetectFaces and DetectLabels go out together) on several threads.</summary>
    private ScriptedResponse Respond(RecordedRequest request)
    {
        lock (_handlers)
        {
            return RespondLocked(request);
        }
    }

    private ScriptedResponse RespondLocked(RecordedRequest request)
    {
        var operation = (request.Header("X-Amz-Target") ?? string.Empty).Split('.').Last();
        var body = JsonDocument.Parse(request.Body.Length == 0 ? "{}"u8.ToArray() : request.Body).RootElement.Clone();
        Calls.Add((operation, body));
        if (_handlers.TryGetValue(operation, out var handler))
        {
            return handler(body);
        }

        return operation switch
        {
            "DescribeCollection" => CollectionExists
                ? Json(new JsonObject { ["FaceCount"] = Faces.Count, ["FaceModelVersion"] = "7.0", ["CollectionARN"] = "arn:aws:rekognition:us-east-1:123456789012:collection/characters", ["CreationTimestamp"] = 1.7e9, ["UserCount"] = 0 })
                : NotFound(body),
            "CreateCollection" => Create(),
            "ListFaces" => List(body),
            "IndexFaces" => Index(body),
            "DeleteFaces" => Delete(body),
            _ => ScriptedResponse.Error(400, "ValidationException", $"The fake has no handler for {operation}."),
        };
    }

    private static ScriptedResponse NotFound(JsonElement body) =>
        ScriptedResponse.Error(400, "ResourceNotFoundException", $"The collection id: {body.GetProperty("CollectionId").GetString()} does not exist");

    private ScriptedResponse Create()
    {
        if (CollectionExists)
        {
            return ScriptedResponse.Error(400, "ResourceAlreadyExistsException", "The collection id: characters already exists");
        }

        CollectionExists = true;
        return Json(new JsonObject { ["StatusCode"] = 200, ["CollectionArn"] = "aws:rekognition:us-east-1:123456789012:collection/characters", ["FaceModelVersion"] = "7.0" });
    }

    private ScriptedResponse List(JsonElement body)
    {
        if (!CollectionExists)
        {
            return NotFound(body);
        }

        var start = body.TryGetProperty("NextToken", out var token) ? int.Parse(token.GetString()!, CultureInfo.InvariantCulture) : 0;
        var page = Faces.Skip(start).Take(PageSize).ToList();
        var faces = new JsonArray([.. page.Select(f => (JsonNode)new JsonObject
        {
            ["FaceId"] = f.FaceId, ["BoundingBox"] = Box(0.3, 0.2, 0.4, 0.5), ["ImageId"] = f.ImageId, ["ExternalImageId"] = f.ExternalImageId,
            ["Confidence"] = 99.99, ["IndexFacesModelVersion"] = "7.0",
        })]);
        var response = new JsonObject { ["Faces"] = faces, ["FaceModelVersion"] = "7.0" };
        if (start + PageSize < Faces.Count)
        {
            response["NextToken"] = (start + PageSize).ToString(CultureInfo.InvariantCulture);
        }

        return Json(response);
    }

    private ScriptedResponse Index(JsonElement body)
    {
        var bytes = ImageBytes(body);
        var externalId = body.GetProperty("ExternalImageId").GetString()!;
        var imageId = Id("image");
        var found = PngDecoder.IsPng(bytes) && FindsFace(PngDecoder.Decode(bytes));
        var records = new JsonArray();
        var unindexed = new JsonArray();
        if (found)
        {
            var faceId = Id("face");
            Faces.Add((faceId, imageId, externalId));
            records.Add(new JsonObject
            {
                ["Face"] = new JsonObject { ["FaceId"] = faceId, ["BoundingBox"] = Box(0.3, 0.2, 0.4, 0.5), ["ImageId"] = imageId, ["ExternalImageId"] = externalId, ["Confidence"] = 99.98 },
                ["FaceDetail"] = FaceDetail(0.3, 0.2, 0.4, 0.5),
            });
        }
        else
        {
            unindexed.Add(new JsonObject { ["Reasons"] = new JsonArray("LOW_CONFIDENCE"), ["FaceDetail"] = FaceDetail(0.4, 0.4, 0.1, 0.1, 42.0) });
        }

        return Json(new JsonObject { ["FaceRecords"] = records, ["FaceModelVersion"] = "7.0", ["UnindexedFaces"] = unindexed });
    }

    private ScriptedResponse Delete(JsonElement body)
    {
        var ids = body.GetProperty("FaceIds").EnumerateArray().Select(e => e.GetString()!).ToHashSet(StringComparer.Ordinal);
        var deleted = Faces.Where(f => ids.Contains(f.FaceId)).Select(f => f.FaceId).ToList();
        Faces.RemoveAll(f => ids.Contains(f.FaceId));
        return Json(new JsonObject { ["DeletedFaces"] = new JsonArray([.. deleted.Select(d => (JsonNode)d)]), ["UnsuccessfulFaceDeletions"] = new JsonArray() });
    }

    private string Id(string kind)
    {
        var n = Interlocked.Increment(ref _nextId);
        return string.Create(CultureInfo.InvariantCulture, $"{(kind == "face" ? "f" : "1")}{n:D7}-1111-2222-3333-444455556666");
    }

    public static string Utf8(byte[] bytes) => Encoding.UTF8.GetString(bytes);
}
