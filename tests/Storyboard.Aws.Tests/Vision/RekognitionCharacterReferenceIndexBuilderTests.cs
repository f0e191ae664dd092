using Storyboard.Aws.Tests.Support;
using Storyboard.Aws.Vision;
using Storyboard.Core.Imaging;
using Storyboard.Core.Vision;

namespace Storyboard.Aws.Tests.Vision;

public sealed class RekognitionCharacterReferenceIndexBuilderTests(LoopbackServerFixture fixture) : IClassFixture<LoopbackServerFixture>
{
    private static readonly RekognitionVisionOptions Options = new("characters");

    [Fact]
    public async Task BuildAsync_WhenTheCollectionIsMissing_ShouldCreateItAndIndexEveryReference()
    {
        var fake = Attach(new FakeRekognition { CollectionExists = false });
        var tux = VisionFixtures.Tux();
        var gnu = VisionFixtures.Gnu();
        var builder = Builder();

        var index = Assert.IsType<RekognitionCharacterReferenceIndex>(await builder.BuildAsync([tux, gnu], CancellationToken.None));

        Assert.Equal(["DescribeCollection", "CreateCollection", "ListFaces", "IndexFaces", "IndexFaces"], fake.Operations);
        Assert.Equal(["Gnu", "Tux"], index.Characters);
        Assert.Equal("aws:rekognition", index.Service);
        Assert.Equal("characters", index.CollectionId);
        Assert.Equal(1, index.FacesByCharacter!["Tux"]);
        Assert.Equal(1, index.FacesByCharacter["Gnu"]);
        var request = fake.Bodies("IndexFaces").Single(b => b.GetProperty("ExternalImageId").GetString() == VisionFixtures.FaceId(tux));
        Assert.Equal("characters", request.GetProperty("CollectionId").GetString());
        Assert.Equal(1, request.GetProperty("MaxFaces").GetInt32());
        Assert.Equal("NONE", request.GetProperty("QualityFilter").GetString());
        var sent = PngDecoder.Decode(FakeRekognition.ImageBytes(request));
        Assert.Equal((100, 140), (sent.Width, sent.Height));
        Assert.Equal((255, 255, 255, 255), (sent.Pixels[0], sent.Pixels[1], sent.Pixels[2], sent.Pixels[3])); // transparent corner flattened to white
        Assert.All(fixture.Server.Received.TakeLast(5), r => Assert.Null(r.SignatureProblem));
    }

    [Fact]
    public async Task BuildAsync_WhenAReferenceIsOverFiveMegabytes_ShouldIndexAHalvedCopyWithinTheLimit()
    {
        var fake = Attach(new FakeRekognition());
        var random = new Random(7);
        var noise = new byte[1400 * 1300 * 3];
        random.NextBytes(noise);
        var big = new CharacterReferenceImage("Tux", "characters/Tux/poster.png", PngEncoder.Encode(new RgbImage(1400, 1300, noise)));
        Assert.True(big.Content.Length > Storyboard.Aws.Rekognition.RekognitionClient.MaxImageBytes);

        await Builder().BuildAsync([big], CancellationToken.None);

        var sent = FakeRekognition.ImageBytes(Assert.Single(fake.Bodies("IndexFaces")));
        Assert.True(sent.Length <= Storyboard.Aws.Rekognition.RekognitionClient.MaxImageBytes);
        var decoded = PngDecoder.Decode(sent);
        Assert.Equal((700, 650), (decoded.Width, decoded.Height));
    }

    [Fact]
    public async Task BuildAsync_WhenASpriteIsSmallerThanRekognitionAccepts_ShouldPadItToEightyPixels()
    {
        var fake = Attach(new FakeRekognition());

        await Builder().BuildAsync([VisionFixtures.Reference("Tux", "tiny.png", VisionFixtures.Sprite(VisionFixtures.TuxBody, VisionFixtures.TuxBelly, 40, 60))], CancellationToken.None);

        var decoded = PngDecoder.Decode(FakeRekognition.ImageBytes(Assert.Single(fake.Bodies("IndexFaces"))));
        Assert.Equal((80, 80), (decoded.Width, decoded.Height));
        var centre = ((40 * 80) + 40) * 4;
        Assert.Equal(VisionFixtures.TuxBelly, (decoded.Pixels[centre], decoded.Pixels[centre + 1], decoded.Pixels[centre + 2]));
    }

    [Fact]
    public async Task BuildAsync_WhenAnotherWorkerCreatesTheCollectionFirst_ShouldCarryOn()
    {
        var fake = Attach(new FakeRekognition());
        fake.On("DescribeCollection", _ => ScriptedResponse.Error(400, "ResourceNotFoundException", "The collection id: characters does not exist"));

        await Builder().BuildAsync([VisionFixtures.Tux()], CancellationToken.None);

        Assert.Equal(["DescribeCollection", "CreateCollection", "ListFaces", "IndexFaces"], fake.Operations);
    }

    [Fact]
    public async Task BuildAsync_WhenBuiltAgainInANewProcess_ShouldMakeNoIndexFacesCall()
    {
        var fake = Attach(new FakeRekognition());
        IReadOnlyList<CharacterReferenceImage> references = [VisionFixtures.Tux(), VisionFixtures.Tux("side.png") with { Content = PngEncoder.Encode(VisionFixtures.Sprite(VisionFixtures.TuxBody, VisionFixtures.TuxBelly, 90, 150)) }, VisionFixtures.Gnu()];
        await Builder().BuildAsync(references, CancellationToken.None);
        Assert.Equal(3, fake.Count("IndexFaces"));
        fake.Calls.Clear();

        var index = Assert.IsType<RekognitionCharacterReferenceIndex>(await Builder().BuildAsync(references, CancellationToken.None));

        Assert.Equal(0, fake.Count("IndexFaces"));
        Assert.Equal(0, fake.Count("DeleteFaces"));
        Assert.Equal(2, fake.Count("ListFaces")); // three faces, two per page
        Assert.Equal(2, index.FacesByCharacter!["Tux"]);
        Assert.Equal(3, fake.Faces.Count);
    }

    [Fact]
    public async Task BuildAsync_WhenAReferenceChanged_ShouldDeleteItsOldFacesAndLeaveOtherCharactersAlone()
    {
        var fake = Attach(new FakeRekognition());
        var oldTux = VisionFixtures.Reference("Tux", "characters/Tux/front.png", VisionFixtures.Sprite(VisionFixtures.TuxBody, VisionFixtures.GnuHorns));
        fake.Faces.Add(("face-old-tux", "image-1", VisionFixtures.FaceId(oldTux)));
        fake.Faces.Add(("face-other-run", "image-2", VisionFixtures.FaceId(VisionFixtures.Reference("Dino", "d.png", VisionFixtures.Sprite(VisionFixtures.GnuHorns, VisionFixtures.TuxBelly)))));
        fake.Faces.Add(("face-foreign", "image-3", "someone-else"));
        var newTux = VisionFixtures.Tux();
        var builder = Builder();

        await builder.BuildAsync([newTux], CancellationToken.None);

        var delete = Assert.Single(fake.Bodies("DeleteFaces"));
        Assert.Equal(["face-old-tux"], delete.GetProperty("FaceIds").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["face-other-run", "face-foreign"], fake.Faces.Take(2).Select(f => f.FaceId));
        Assert.Contains(fake.Faces, f => f.ExternalImageId == VisionFixtures.FaceId(newTux));
        Assert.Equal(1, builder.Usage.FacesDeleted);
        Assert.Equal(1, builder.Usage.FacesIndexed);
    }

    [Fact]
    public async Task BuildAsync_WhenConcurrentBuildsIndexedTheSameReferenceTwice_ShouldKeepOneImagesFaces()
    {
        var fake = Attach(new FakeRekognition());
        var tux = VisionFixtures.Tux();
        fake.Faces.Add(("face-b", "image-b", VisionFixtures.FaceId(tux)));
        fake.Faces.Add(("face-a", "image-a", VisionFixtures.FaceId(tux)));

        var index = Assert.IsType<RekognitionCharacterReferenceIndex>(await Builder().BuildAsync([tux], CancellationToken.None));

        Assert.Equal(["face-a"], fake.Faces.Select(f => f.FaceId));
        Assert.Equal(0, fake.Count("IndexFaces"));
        Assert.Equal(1, index.FacesByCharacter!["Tux"]);
    }

    [Fact]
    public async Task BuildAsync_WhenNoFaceIsFoundInADrawnReference_ShouldKeepTheCharacterForAppearanceAndNotAskAgain()
    {
        var fake = Attach(new FakeRekognition { FindsFace = image => image.Width != 100 });
        var builder = Builder();

        var index = Assert.IsType<RekognitionCharacterReferenceIndex>(await builder.BuildAsync([VisionFixtures.Tux(), VisionFixtures.Gnu() with { Content = PngEncoder.Encode(VisionFixtures.Sprite(VisionFixtures.GnuBody, VisionFixtures.GnuHorns, 120)) }], CancellationToken.None));
        fake.Calls.Clear();
        await builder.BuildAsync([VisionFixtures.Tux()], CancellationToken.None);

        Assert.Equal(["Tux"], index.CharactersWithoutFaces);
        Assert.True(index.MayHaveFaces);
        Assert.Equal(0, fake.Count("IndexFaces"));
    }

    [Fact]
    public async Task BuildAsync_WhenNoReferenceHasAFace_ShouldSayNoFrameNeedsAFaceSearch()
    {
        Attach(new FakeRekognition { FindsFace = _ => false });

        var index = Assert.IsType<RekognitionCharacterReferenceIndex>(await Builder().BuildAsync([VisionFixtures.Tux()], CancellationToken.None));

        Assert.False(index.MayHaveFaces);
    }

    [Fact]
    public async Task BuildAsync_WhenACharacterHasNeitherFacesNorReadableColours_ShouldNameItAndTheFile()
    {
        Attach(new FakeRekognition());
        var jpeg = new CharacterReferenceImage("Gnu", "characters/Gnu/photo.jpg", new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 0, 16, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0 });

        var error = await Assert.ThrowsAsync<UnrecognizableCharacterException>(() => Builder().BuildAsync([VisionFixtures.Tux(), jpeg], CancellationToken.None));

        Assert.Equal(["Gnu"], error.Characters);
        Assert.Contains("characters/Gnu/photo.jpg", error.Message, StringComparison.Ordinal);
        Assert.Contains("LOW_CONFIDENCE", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BuildAsync_WhenACharacterHasNoFaceButACustomLabelsModelIsSet_ShouldNotFail()
    {
        Attach(new FakeRekognition { FindsFace = _ => false });
        var options = Options with { MatchByAppearance = false, CustomLabelsProjectVersionArn = "arn:aws:rekognition:us-east-1:123456789012:project/chars/version/chars.1/1700000000000" };

        var index = await new RekognitionCharacterReferenceIndexBuilder(new TestClients(fixture.Server).Clients.Rekognition, options).BuildAsync([VisionFixtures.Tux()], CancellationToken.None);

        Assert.Equal(["Tux"], index.Characters);
    }

    [Fact]
    public async Task BuildAsync_WhenRekognitionRejectsTheImage_ShouldThrowInvalidReferenceImageNamingTheFile()
    {
        var fake = Attach(new FakeRekognition());
        fake.On("IndexFaces", _ => ScriptedResponse.Error(400, "InvalidImageFormatException", "Request has unsupported image format"));

        var error = await Assert.ThrowsAsync<InvalidReferenceImageException>(() => Builder().BuildAsync([VisionFixtures.Tux()], CancellationToken.None));

        Assert.Equal("characters/Tux/front.png", error.FileName);
        Assert.Contains("InvalidImageFormatException", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BuildAsync_WhenAPngIsCorrupt_ShouldThrowInvalidReferenceImageBeforeAnyCall()
    {
        var fake = Attach(new FakeRekognition());
        var png = PngEncoder.Encode(VisionFixtures.Sprite(VisionFixtures.TuxBody, VisionFixtures.TuxBelly));
        var broken = new CharacterReferenceImage("Tux", "characters/Tux/broken.png", png[..(png.Length / 2)]);

        var error = await Assert.ThrowsAsync<InvalidReferenceImageException>(() => Builder().BuildAsync([broken], CancellationToken.None));

        Assert.Equal("characters/Tux/broken.png", error.FileName);
        Assert.Empty(fake.Calls);
    }

    [Fact]
    public async Task BuildAsync_WhenTheRoleMayNotDescribeTheCollection_ShouldNameThePermission()
    {
        var fake = Attach(new FakeRekognition());
        fake.On("DescribeCollection", _ => ScriptedResponse.Error(400, "AccessDeniedException", "User is not authorized to perform: rekognition:DescribeCollection"));

        var error = await Assert.ThrowsAsync<RekognitionAccessDeniedException>(() => Builder().BuildAsync([VisionFixtures.Tux()], CancellationToken.None));

        Assert.Contains("rekognition:DescribeCollection", error.Message, StringComparison.Ordinal);
        Assert.Contains("collection/characters", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BuildAsync_WhenReadOnly_ShouldOnlyListFacesAndCountThoseOfCurrentReferences()
    {
        var fake = Attach(new FakeRekognition());
        var tux = VisionFixtures.Tux();
        fake.Faces.Add(("face-tux", "image-1", VisionFixtures.FaceId(tux)));
        fake.Faces.Add(("face-old", "image-2", VisionFixtures.FaceId(VisionFixtures.Reference("Gnu", "old.png", VisionFixtures.Sprite(VisionFixtures.GnuHorns, VisionFixtures.GnuBody)))));

        var index = Assert.IsType<RekognitionCharacterReferenceIndex>(await ReadOnlyBuilder().BuildAsync([tux, VisionFixtures.Gnu()], CancellationToken.None));

        Assert.Equal(["ListFaces"], fake.Operations);
        Assert.Equal(1, index.FacesByCharacter!["Tux"]);
        Assert.Equal(["Gnu"], index.CharactersWithoutFaces);
        Assert.Equal(2, fake.Faces.Count);
    }

    [Fact]
    public async Task BuildAsync_WhenReadOnlyAndTheRoleMayNotListFaces_ShouldGoOnWithoutCounts()
    {
        var fake = Attach(new FakeRekognition());
        fake.On("ListFaces", _ => ScriptedResponse.Error(400, "AccessDeniedException", "User is not authorized to perform: rekognition:ListFaces"));

        var index = Assert.IsType<RekognitionCharacterReferenceIndex>(await ReadOnlyBuilder().BuildAsync([VisionFixtures.Tux()], CancellationToken.None));

        Assert.Equal(["ListFaces"], fake.Operations);
        Assert.Null(index.FacesByCharacter);
        Assert.True(index.MayHaveFaces);
    }

    [Fact]
    public async Task BuildAsync_WhenThereAreNoReferences_ShouldThrowNoCharacterReferences()
    {
        await Assert.ThrowsAsync<NoCharacterReferencesException>(() => Builder().BuildAsync([], CancellationToken.None));
    }

    [Fact]
    public void Constructor_WhenTheCollectionIdHasASlash_ShouldSayWhatIsAllowed()
    {
        var error = Assert.Throws<ArgumentException>(() => new RekognitionCharacterReferenceIndexBuilder(new TestClients(fixture.Server).Clients.Rekognition, new RekognitionVisionOptions("my/collection")));

        Assert.Contains("STORYBOARD_COLLECTION_ID", error.Message, StringComparison.Ordinal);
    }

    private RekognitionCharacterReferenceIndexBuilder Builder() => new(new TestClients(fixture.Server).Clients.Rekognition, Options);

    private RekognitionCharacterReferenceIndexBuilder ReadOnlyBuilder() => new(new TestClients(fixture.Server).Clients.Rekognition, Options with { ManageCollection = false });

    private FakeRekognition Attach(FakeRekognition fake)
    {
        fake.Attach(fixture.Server);
        return fake;
    }
}
