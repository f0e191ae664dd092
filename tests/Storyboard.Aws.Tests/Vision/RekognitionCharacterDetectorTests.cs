using System.Text.Json;
using System.Text.Json.Nodes;
using Storyboard.Aws.Tests.Support;
using Storyboard.Aws.Vision;
using Storyboard.Core.Imaging;
using Storyboard.Core.Vision;

namespace Storyboard.Aws.Tests.Vision;

public sealed class RekognitionCharacterDetectorTests(LoopbackServerFixture fixture) : IClassFixture<LoopbackServerFixture>
{
    private const int W = 640;
    private const int H = 360;
    private static readonly RekognitionVisionOptions Options = new("characters") { ManageCollection = false };
    private static readonly (byte, byte, byte) TuxFaceColour = (250, 230, 210);
    private static readonly (byte, byte, byte) GnuFaceColour = (210, 230, 250);

    // Faces as ratios chosen to be exact in binary, so the expected crops are exact too.
    private static readonly RelativeBox TuxFace = new(0.1875, 0.375, 0.125, 0.125);
    private static readonly RelativeBox GnuFace = new(0.65625, 0.35, 0.125, 0.125);
    private static readonly RelativeBox TuxBody = new(100.0 / W, 110.0 / H, 100.0 / W, 140.0 / H);
    private static readonly RelativeBox GnuBody = new(400.0 / W, 100.0 / H, 100.0 / W, 140.0 / H);

    [Fact]
    public async Task DetectAsync_WhenEachFaceMatches_ShouldNameThePersonInstanceThatContainsIt()
    {
        var (fake, index, frame) = await TwoCharactersAsync();
        var stale = VisionFixtures.FaceId(VisionFixtures.Reference("Tux", "old.png", VisionFixtures.Sprite(VisionFixtures.TuxBelly, VisionFixtures.TuxBody)));
        fake.On("DetectFaces", _ => FakeRekognition.Json(new JsonObject { ["FaceDetails"] = new JsonArray(Face(GnuFace), Face(TuxFace)), ["OrientationCorrection"] = "ROTATE_0" }));
        fake.On("DetectLabels", _ => Labels(
            Label("Person", 99.1, [Instance(TuxBody, 98.4), Instance(GnuBody, 97.2)], aliases: ["Human"]),
            Label("Chair", 80.5, [Instance(new RelativeBox(0.05, 0.05, 0.9, 0.9), 80.5)], parents: ["Furniture"]),
            Label("Cartoon", 90.2, [])));
        fake.On("SearchFacesByImage", body => SearchAnswer(body, stale));
        var detector = Detector();

        var found = await detector.DetectAsync(frame, index, CancellationToken.None);

        Assert.Equal(2, found.Count);
        Assert.Equal(("Tux", 0.992), (found[0].Character, found[0].Confidence));
        AssertBox(TuxBody, found[0].Box);
        Assert.Equal(("Gnu", 0.915), (found[1].Character, found[1].Confidence));
        AssertBox(GnuBody, found[1].Box);
        Assert.All(found, d => Assert.Equal("aws:rekognition", d.Service));
        Assert.Equal(new RekognitionDetectorUsage(1, 1, 1, 2, 0), detector.Usage);
        Assert.Equal(4, detector.Usage.BilledImagesPerFrame);
    }

    [Fact]
    public async Task DetectAsync_WhenSearchingFaces_ShouldSendEachFaceCutOutOfTheFrameInItsOwnRequest()
    {
        var (fake, index, frame) = await TwoCharactersAsync();
        fake.On("DetectFaces", _ => FakeRekognition.Json(new JsonObject { ["FaceDetails"] = new JsonArray(Face(TuxFace), Face(GnuFace)) }));
        fake.On("DetectLabels", _ => Labels());
        fake.On("SearchFacesByImage", body => SearchAnswer(body, null));

        await Detector().DetectAsync(frame, index, CancellationToken.None);

        var searches = fake.Bodies("SearchFacesByImage").ToList();
        Assert.Equal(2, searches.Count);
        foreach (var (body, face) in searches.Zip([TuxFace, GnuFace]))
        {
            var crop = PngDecoder.Decode(FakeRekognition.ImageBytes(body));
            var (x, y, w, h) = ExpectedCrop(face, 0.5);
            Assert.Equal((w, h), (crop.Width, crop.Height));
            for (var cy = 0; cy < h; cy += 7)
            {
                for (var cx = 0; cx < w; cx += 7)
                {
                    var c = ((cy * w) + cx) * 4;
                    Assert.Equal(frame.GetPixel(x + cx, y + cy), (crop.Pixels[c], crop.Pixels[c + 1], crop.Pixels[c + 2]));
                }
            }

            Assert.Equal("characters", body.GetProperty("CollectionId").GetString());
            Assert.Equal(10, body.GetProperty("MaxFaces").GetInt32());
            Assert.Equal(80, body.GetProperty("FaceMatchThreshold").GetDouble());
        }
    }

    [Fact]
    public async Task DetectAsync_WhenAMatchedFaceHasNoInstanceAroundIt_ShouldGrowABodyBoxFromTheFace()
    {
        var (fake, index, frame) = await TwoCharactersAsync();
        fake.On("DetectFaces", _ => FakeRekognition.Json(new JsonObject { ["FaceDetails"] = new JsonArray(Face(TuxFace)) }));
        fake.On("DetectLabels", _ => Labels(Label("Person", 95, [Instance(GnuBody, 95)])));
        fake.On("SearchFacesByImage", body => SearchAnswer(body, null));

        var found = Assert.Single(await Detector(Options with { MatchByAppearance = false }).DetectAsync(frame, index, CancellationToken.None));

        Assert.Equal("Tux", found.Character);
        AssertBox(new RelativeBox(0.09375, 0.34375, 0.3125, 0.5), found.Box);
    }

    [Fact]
    public async Task DetectAsync_WhenNoFaceIsFound_ShouldMakeNoPaidSearch()
    {
        var (fake, index, frame) = await TwoCharactersAsync();
        fake.On("DetectFaces", _ => FakeRekognition.Json(new JsonObject { ["FaceDetails"] = new JsonArray(), ["OrientationCorrection"] = "ROTATE_0" }));
        var detector = Detector(Options with { MatchByAppearance = false });

        var found = await detector.DetectAsync(frame, index, CancellationToken.None);

        Assert.Empty(found);
        Assert.Equal(["DetectFaces"], fake.Operations);
        Assert.Equal(new RekognitionDetectorUsage(1, 0, 1, 0, 0), detector.Usage);
    }

    [Fact]
    public async Task DetectAsync_WhenNoFaceMatchesAndAppearanceIsOff_ShouldNotPayForLabels()
    {
        var (fake, index, frame) = await TwoCharactersAsync();
        fake.On("DetectFaces", _ => FakeRekognition.Json(new JsonObject { ["FaceDetails"] = new JsonArray(Face(TuxFace)) }));
        fake.On("SearchFacesByImage", _ => FakeRekognition.Json(new JsonObject { ["SearchedFaceBoundingBox"] = FakeRekognition.Box(0.25, 0.25, 0.5, 0.5), ["FaceMatches"] = new JsonArray() }));

        Assert.Empty(await Detector(Options with { MatchByAppearance = false }).DetectAsync(frame, index, CancellationToken.None));

        Assert.Equal(["DetectFaces", "SearchFacesByImage"], fake.Operations);
    }

    [Fact]
    public async Task DetectAsync_WhenFacesAreTooUncertain_ShouldNotSearchThem()
    {
        var (fake, index, frame) = await TwoCharactersAsync();
        fake.On("DetectFaces", _ => FakeRekognition.Json(new JsonObject { ["FaceDetails"] = new JsonArray(Face(TuxFace, 41.0)) }));

        await Detector(Options with { MatchByAppearance = false }).DetectAsync(frame, index, CancellationToken.None);

        Assert.Equal(0, fake.Count("SearchFacesByImage"));
    }

    [Fact]
    public async Task DetectAsync_WhenTheCollectionHoldsNoFaceOfTheseCharacters_ShouldNotLookForFaces()
    {
        var fake = Attach(new FakeRekognition { FindsFace = _ => false });
        var index = await new RekognitionCharacterReferenceIndexBuilder(Rekognition(), new RekognitionVisionOptions("characters")).BuildAsync([VisionFixtures.Tux(), VisionFixtures.Gnu()], CancellationToken.None);
        fake.Calls.Clear();
        fake.On("DetectLabels", _ => Labels());

        await Detector().DetectAsync(Frame(), index, CancellationToken.None);

        Assert.Equal(["DetectLabels"], fake.Operations);
    }

    [Fact]
    public async Task DetectAsync_WhenTheSearchSeesNoFaceInTheCrop_ShouldSkipThatFace()
    {
        var (fake, index, frame) = await TwoCharactersAsync();
        fake.On("DetectFaces", _ => FakeRekognition.Json(new JsonObject { ["FaceDetails"] = new JsonArray(Face(TuxFace), Face(GnuFace)) }));
        fake.On("DetectLabels", _ => Labels());
        fake.On("SearchFacesByImage", body => Centre(body) == TuxFaceColour
            ? ScriptedResponse.Error(400, "InvalidParameterException", "There are no faces in the image. Should be at least 1.")
            : SearchAnswer(body, null));

        var found = await Detector(Options with { MatchByAppearance = false }).DetectAsync(frame, index, CancellationToken.None);

        Assert.Equal(["Gnu"], found.Select(d => d.Character));
    }

    [Fact]
    public async Task DetectAsync_WhenTheSearchUsedAnotherFaceInTheCrop_ShouldNotNameTheCroppedFace()
    {
        var (fake, index, frame) = await TwoCharactersAsync();
        fake.On("DetectFaces", _ => FakeRekognition.Json(new JsonObject { ["FaceDetails"] = new JsonArray(Face(TuxFace)) }));
        fake.On("DetectLabels", _ => Labels());
        fake.On("SearchFacesByImage", _ => FakeRekognition.Json(new JsonObject
        {
            ["SearchedFaceBoundingBox"] = FakeRekognition.Box(0.0, 0.0, 0.2, 0.2),
            ["SearchedFaceConfidence"] = 99.0,
            ["FaceMatches"] = new JsonArray(Match(VisionFixtures.FaceId(VisionFixtures.Tux()), 99)),
        }));

        Assert.Empty(await Detector(Options with { MatchByAppearance = false }).DetectAsync(frame, index, CancellationToken.None));
    }

    [Fact]
    public async Task DetectAsync_WhenInstancesHaveNoMatchingFace_ShouldNameThemByTheirColours()
    {
        var (fake, index, _) = await TwoCharactersAsync();
        var lookAlike = VisionFixtures.Sprite(VisionFixtures.TuxBody, VisionFixtures.GnuHorns);
        var frame = VisionFixtures.Frame(W, H,
            (VisionFixtures.Sprite(VisionFixtures.TuxBody, VisionFixtures.TuxBelly), 100, 110),
            (VisionFixtures.Sprite(VisionFixtures.GnuBody, VisionFixtures.GnuHorns), 400, 100),
            (lookAlike, 260, 200));
        var lookAlikeBox = new RelativeBox(260.0 / W, 200.0 / H, 100.0 / W, 140.0 / H);
        fake.On("DetectFaces", _ => FakeRekognition.Json(new JsonObject { ["FaceDetails"] = new JsonArray() }));
        fake.On("DetectLabels", _ => Labels(
            Label("Penguin", 91.0, [Instance(TuxBody, 90.0)], parents: ["Bird", "Animal"]),
            Label("Toy", 85.0, [Instance(GnuBody, 80.0), Instance(lookAlikeBox, 75.0)]),
            Label("Building", 70.0, [Instance(new RelativeBox(0, 0, 0.1, 0.2), 70.0)], parents: ["Architecture"])));
        var detector = Detector();

        var found = await detector.DetectAsync(frame, index, CancellationToken.None);

        Assert.Equal(["Tux", "Gnu"], found.Select(d => d.Character));
        AssertBox(TuxBody, found[0].Box);
        AssertBox(GnuBody, found[1].Box);
        Assert.InRange(found[0].Confidence, 0.8 * 0.9, 0.9);
        Assert.Equal(0, fake.Count("SearchFacesByImage"));
    }

    [Theory]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public async Task DetectAsync_WhenAnInstancesFaceMatchedNobody_ShouldNameItByColourOnlyAsACharacterWithoutIndexedFaces(bool tuxHasIndexedFace, bool expectTux)
    {
        var fake = Attach(new FakeRekognition { FindsFace = _ => tuxHasIndexedFace });
        var index = await new RekognitionCharacterReferenceIndexBuilder(Rekognition(), new RekognitionVisionOptions("characters")).BuildAsync([VisionFixtures.Tux()], CancellationToken.None);
        fake.Calls.Clear();
        fake.On("DetectFaces", _ => FakeRekognition.Json(new JsonObject { ["FaceDetails"] = new JsonArray(Face(TuxFace)) }));
        fake.On("DetectLabels", _ => Labels(Label("Penguin", 91.0, [Instance(TuxBody, 90.0)], parents: ["Animal"])));
        fake.On("SearchFacesByImage", _ => FakeRekognition.Json(new JsonObject { ["SearchedFaceBoundingBox"] = FakeRekognition.Box(0.25, 0.25, 0.5, 0.5), ["FaceMatches"] = new JsonArray() }));

        var frame = VisionFixtures.Frame(W, H, (VisionFixtures.Sprite(VisionFixtures.TuxBody, VisionFixtures.TuxBelly), 100, 110));

        var found = await Detector(new RekognitionVisionOptions("characters")).DetectAsync(frame, index, CancellationToken.None);

        Assert.Equal(expectTux ? ["Tux"] : [], found.Select(d => d.Character));
        Assert.Equal(tuxHasIndexedFace ? 1 : 0, fake.Count("SearchFacesByImage"));
    }

    [Fact]
    public async Task DetectAsync_WhenFaceCountsAreUnknownAndAFaceMatchedNobody_ShouldStillNameItsInstanceByColour()
    {
        var fake = Attach(new FakeRekognition());
        fake.On("ListFaces", _ => ScriptedResponse.Error(400, "AccessDeniedException", "User is not authorized to perform: rekognition:ListFaces"));
        var index = await new RekognitionCharacterReferenceIndexBuilder(Rekognition(), Options).BuildAsync([VisionFixtures.Tux(), VisionFixtures.Gnu()], CancellationToken.None);
        fake.Calls.Clear();
        fake.On("DetectFaces", _ => FakeRekognition.Json(new JsonObject { ["FaceDetails"] = new JsonArray(Face(TuxFace)) }));
        fake.On("DetectLabels", _ => Labels(Label("Penguin", 91.0, [Instance(TuxBody, 90.0)], parents: ["Animal"])));
        fake.On("SearchFacesByImage", _ => FakeRekognition.Json(new JsonObject { ["SearchedFaceBoundingBox"] = FakeRekognition.Box(0.25, 0.25, 0.5, 0.5), ["FaceMatches"] = new JsonArray() }));
        var frame = VisionFixtures.Frame(W, H, (VisionFixtures.Sprite(VisionFixtures.TuxBody, VisionFixtures.TuxBelly), 100, 110));

        var found = await Detector().DetectAsync(frame, index, CancellationToken.None);

        Assert.Equal(["Tux"], found.Select(d => d.Character));
        Assert.Equal(1, fake.Count("SearchFacesByImage"));
    }

    [Fact]
    public async Task DetectAsync_WhenTwoInstancesLookLikeTheSameCharacter_ShouldNameOnlyTheCloserOne()
    {
        var (fake, index, _) = await TwoCharactersAsync();
        var frame = VisionFixtures.Frame(W, H,
            (VisionFixtures.Sprite(VisionFixtures.TuxBody, VisionFixtures.TuxBelly), 100, 110),
            (VisionFixtures.Sprite(VisionFixtures.TuxBody, VisionFixtures.TuxBelly, 100, 100), 400, 100));
        fake.On("DetectFaces", _ => FakeRekognition.Json(new JsonObject { ["FaceDetails"] = new JsonArray() }));
        fake.On("DetectLabels", _ => Labels(Label("Animal", 90.0, [Instance(TuxBody, 90.0), Instance(new RelativeBox(400.0 / W, 80.0 / H, 100.0 / W, 140.0 / H), 90.0)])));

        var found = Assert.Single(await Detector().DetectAsync(frame, index, CancellationToken.None));

        Assert.Equal("Tux", found.Character);
        AssertBox(TuxBody, found.Box);
    }

    [Fact]
    public async Task DetectAsync_WhenACustomLabelsModelIsSet_ShouldUseOnlyItsNamedBoxes()
    {
        var (fake, index, frame) = await TwoCharactersAsync();
        const string Arn = "arn:aws:rekognition:us-east-1:123456789012:project/characters/version/characters.2026-01-01/1700000000000";
        fake.On("DetectCustomLabels", _ => FakeRekognition.Json(new JsonObject
        {
            ["CustomLabels"] = new JsonArray(
                new JsonObject { ["Name"] = "Gnu", ["Confidence"] = 88.25, ["Geometry"] = new JsonObject { ["BoundingBox"] = FakeRekognition.Box(GnuBody.Left, GnuBody.Top, GnuBody.Width, GnuBody.Height), ["Polygon"] = new JsonArray(new JsonObject { ["X"] = 0.6, ["Y"] = 0.3 }) } },
                new JsonObject { ["Name"] = "Tree", ["Confidence"] = 97.0, ["Geometry"] = new JsonObject { ["BoundingBox"] = FakeRekognition.Box(0.0, 0.0, 0.2, 0.9) } },
                new JsonObject { ["Name"] = "Tux", ["Confidence"] = 99.0 }),
        }));
        var detector = Detector(Options with { CustomLabelsProjectVersionArn = Arn });

        var found = Assert.Single(await detector.DetectAsync(frame, index, CancellationToken.None));

        Assert.Equal(("Gnu", 0.8825), (found.Character, found.Confidence));
        AssertBox(GnuBody, found.Box);
        Assert.Equal(["DetectCustomLabels"], fake.Operations);
        var body = Assert.Single(fake.Bodies("DetectCustomLabels"));
        Assert.Equal(Arn, body.GetProperty("ProjectVersionArn").GetString());
        Assert.Equal(50, body.GetProperty("MinConfidence").GetDouble());
        var sent = PngDecoder.Decode(FakeRekognition.ImageBytes(body));
        Assert.Equal((W, H), (sent.Width, sent.Height));
        Assert.Equal(new RekognitionDetectorUsage(1, 0, 0, 0, 1), detector.Usage);
    }

    [Fact]
    public async Task DetectAsync_WhenTheCollectionIsGone_ShouldSayWhichSettingToCheck()
    {
        var (fake, index, frame) = await TwoCharactersAsync();
        fake.On("DetectFaces", _ => FakeRekognition.Json(new JsonObject { ["FaceDetails"] = new JsonArray(Face(TuxFace)) }));
        fake.On("DetectLabels", _ => Labels());
        fake.On("SearchFacesByImage", _ => ScriptedResponse.Error(400, "ResourceNotFoundException", "The collection id: characters does not exist"));

        var error = await Assert.ThrowsAsync<RekognitionCollectionNotFoundException>(() => Detector().DetectAsync(frame, index, CancellationToken.None));

        Assert.Contains("STORYBOARD_COLLECTION_ID", error.Message, StringComparison.Ordinal);
        Assert.Contains("'characters'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DetectAsync_WhenTheRoleMayNotDetectLabels_ShouldNameThePermissionAndItsResource()
    {
        var (fake, index, frame) = await TwoCharactersAsync();
        fake.On("DetectFaces", _ => FakeRekognition.Json(new JsonObject { ["FaceDetails"] = new JsonArray() }));
        fake.On("DetectLabels", _ => ScriptedResponse.Error(400, "AccessDeniedException", "User is not authorized to perform: rekognition:DetectLabels"));

        var error = await Assert.ThrowsAsync<RekognitionAccessDeniedException>(() => Detector().DetectAsync(frame, index, CancellationToken.None));

        Assert.Contains("rekognition:DetectLabels on resource \"*\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DetectAsync_WhenTheCustomLabelsModelIsStopped_ShouldSayToStartIt()
    {
        var (fake, index, frame) = await TwoCharactersAsync();
        fake.On("DetectCustomLabels", _ => ScriptedResponse.Error(400, "ResourceNotReadyException", "ProjectVersion arn:... is not running"));

        var error = await Assert.ThrowsAsync<CustomLabelsModelNotRunningException>(() =>
            Detector(Options with { CustomLabelsProjectVersionArn = "arn:aws:rekognition:us-east-1:123456789012:project/p/version/v/1" }).DetectAsync(frame, index, CancellationToken.None));

        Assert.Contains("StartProjectVersion", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DetectAsync_WhenGivenAnotherServicesIndex_ShouldRefuseIt()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Detector().DetectAsync(Frame(), new ForeignIndex(), CancellationToken.None));
    }

    private async Task<(FakeRekognition Fake, ICharacterReferenceIndex Index, RgbImage Frame)> TwoCharactersAsync()
    {
        var fake = Attach(new FakeRekognition());
        fake.Faces.Add(("3f1e2d4c-0000-4000-8000-00000000000a", "3f1e2d4c-0000-4000-8000-0000000000aa", VisionFixtures.FaceId(VisionFixtures.Tux())));
        fake.Faces.Add(("3f1e2d4c-0000-4000-8000-00000000000b", "3f1e2d4c-0000-4000-8000-0000000000bb", VisionFixtures.FaceId(VisionFixtures.Gnu())));
        var index = await new RekognitionCharacterReferenceIndexBuilder(Rekognition(), Options).BuildAsync([VisionFixtures.Tux(), VisionFixtures.Gnu()], CancellationToken.None);
        fake.Calls.Clear();
        return (fake, index, Frame());
    }

    private static RgbImage Frame()
    {
        var frame = VisionFixtures.Frame(W, H,
            (VisionFixtures.Sprite(VisionFixtures.TuxBody, VisionFixtures.TuxBelly), 100, 110),
            (VisionFixtures.Sprite(VisionFixtures.GnuBody, VisionFixtures.GnuHorns), 400, 100));
        VisionFixtures.Fill(frame, 120, 135, 80, 45, TuxFaceColour);
        VisionFixtures.Fill(frame, 420, 126, 80, 45, GnuFaceColour);
        return frame;
    }

    /// <summary>Answers a search by the colour at the centre of the crop it was sent, so a wrong crop gets the wrong answer.</summary>
    private static ScriptedResponse SearchAnswer(JsonElement body, string? staleFaceId)
    {
        var colour = Centre(body);
        var matches = new JsonArray();
        if (staleFaceId is not null)
        {
            matches.Add(Match(staleFaceId, 99.9));
        }

        if (colour == TuxFaceColour)
        {
            matches.Add(Match(VisionFixtures.FaceId(VisionFixtures.Tux()), 99.2));
        }
        else if (colour == GnuFaceColour)
        {
            matches.Add(Match(VisionFixtures.FaceId(VisionFixtures.Gnu()), 91.5));
        }

        return FakeRekognition.Json(new JsonObject
        {
            ["SearchedFaceBoundingBox"] = FakeRekognition.Box(0.25, 0.25, 0.5, 0.5),
            ["SearchedFaceConfidence"] = 99.7,
            ["FaceMatches"] = matches,
            ["FaceModelVersion"] = "7.0",
        });
    }

    private static (byte, byte, byte) Centre(JsonElement body)
    {
        var crop = PngDecoder.Decode(FakeRekognition.ImageBytes(body));
        var i = ((crop.Height / 2 * crop.Width) + (crop.Width / 2)) * 4;
        return (crop.Pixels[i], crop.Pixels[i + 1], crop.Pixels[i + 2]);
    }

    private static JsonObject Match(string externalImageId, double similarity) => new()
    {
        ["Similarity"] = similarity,
        ["Face"] = new JsonObject
        {
            ["FaceId"] = Guid.NewGuid().ToString(), ["BoundingBox"] = FakeRekognition.Box(0.3, 0.2, 0.4, 0.5), ["ImageId"] = Guid.NewGuid().ToString(),
            ["ExternalImageId"] = externalImageId, ["Confidence"] = 99.99, ["IndexFacesModelVersion"] = "7.0",
        },
    };

    private static JsonObject Face(RelativeBox box, double confidence = 99.9) => FakeRekognition.FaceDetail(box.Left, box.Top, box.Width, box.Height, confidence);

    private static JsonObject Instance(RelativeBox box, double confidence) => new()
    {
        ["BoundingBox"] = FakeRekognition.Box(box.Left, box.Top, box.Width, box.Height), ["Confidence"] = confidence, ["DominantColors"] = new JsonArray(),
    };

    private static JsonObject Label(string name, double confidence, JsonObject[] instances, string[]? parents = null, string[]? aliases = null) => new()
    {
        ["Name"] = name,
        ["Confidence"] = confidence,
        ["Instances"] = new JsonArray([.. instances]),
        ["Parents"] = new JsonArray([.. (parents ?? []).Select(p => (JsonNode)new JsonObject { ["Name"] = p })]),
        ["Aliases"] = new JsonArray([.. (aliases ?? []).Select(a => (JsonNode)new JsonObject { ["Name"] = a })]),
        ["Categories"] = new JsonArray(new JsonObject { ["Name"] = "Animals and Pets" }),
    };

    private static ScriptedResponse Labels(params JsonObject[] labels) =>
        FakeRekognition.Json(new JsonObject { ["Labels"] = new JsonArray([.. labels]), ["LabelModelVersion"] = "3.0" });

    /// <summary>The crop the detector should send: the face grown by the margin, in whole pixels, clipped to the frame.</summary>
    private static (int X, int Y, int W, int H) ExpectedCrop(RelativeBox face, double margin)
    {
        var x0 = (int)Math.Floor((face.Left - (margin * face.Width)) * W);
        var y0 = (int)Math.Floor((face.Top - (margin * face.Height)) * H);
        var x1 = (int)Math.Ceiling((face.Left + ((1 + margin) * face.Width)) * W);
        var y1 = (int)Math.Ceiling((face.Top + ((1 + margin) * face.Height)) * H);
        return (x0, y0, x1 - x0, y1 - y0);
    }

    private static void AssertBox(RelativeBox expected, RelativeBox actual)
    {
        Assert.Equal(expected.Left, actual.Left, 6);
        Assert.Equal(expected.Top, actual.Top, 6);
        Assert.Equal(expected.Width, actual.Width, 6);
        Assert.Equal(expected.Height, actual.Height, 6);
    }

    private Storyboard.Aws.Rekognition.IRekognitionApi Rekognition() => new TestClients(fixture.Server).Clients.Rekognition;

    private RekognitionCharacterDetector Detector(RekognitionVisionOptions? options = null) => new(Rekognition(), options ?? Options);

    private FakeRekognition Attach(FakeRekognition fake)
    {
        fake.Attach(fixture.Server);
        return fake;
    }

    private sealed class ForeignIndex : ICharacterReferenceIndex
    {
        public IReadOnlyList<string> Characters => ["Tux"];

        public string Service => "local:reference-detector v1";
    }
}
