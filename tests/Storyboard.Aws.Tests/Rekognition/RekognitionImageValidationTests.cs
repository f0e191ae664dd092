using Storyboard.Aws.Rekognition;
using Storyboard.Aws.Rekognition.Model;
using Storyboard.Aws.Tests.Support;

namespace Storyboard.Aws.Tests.Rekognition;

public sealed class RekognitionImageValidationTests(LoopbackServerFixture fixture) : IClassFixture<LoopbackServerFixture>
{
    [Fact]
    public async Task DetectLabels_WhenInlineImageExceedsFiveMegabytes_ShouldThrowBeforeSending()
    {
        var before = fixture.Server.Received.Count;
        var clients = new TestClients(fixture.Server).Clients;

        var error = await Assert.ThrowsAsync<InvalidRekognitionImageException>(() =>
            clients.Rekognition.DetectLabelsAsync(new DetectLabelsRequest(Image.FromBytes(new byte[RekognitionClient.MaxImageBytes + 1]))));

        Assert.Contains("S3Object", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, fixture.Server.Received.Count);
    }

    [Fact]
    public async Task DetectCustomLabels_WhenInlineImageExceedsFourMegabytes_ShouldThrow()
    {
        var clients = new TestClients(fixture.Server).Clients;

        await Assert.ThrowsAsync<InvalidRekognitionImageException>(() => clients.Rekognition.DetectCustomLabelsAsync(
            new DetectCustomLabelsRequest("arn:aws:rekognition:us-east-1:123456789012:project/p/version/v/1", Image.FromBytes(new byte[RekognitionClient.MaxCustomLabelsImageBytes + 1]))));
    }

    [Theory]
    [InlineData(true, true)]
    [InlineData(false, false)]
    public void Validate_WhenImageHasBothOrNoSources_ShouldThrow(bool withBytes, bool withS3)
    {
        var image = new Image(withBytes ? [1] : null, withS3 ? new S3Object("b", "k") : null);

        Assert.Throws<InvalidRekognitionImageException>(() => RekognitionClient.Validate(image));
    }
}
