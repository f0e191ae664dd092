using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using Storyboard.Aws.Http;
using Storyboard.Aws.Rekognition;
using Storyboard.Aws.Rekognition.Model;
using Storyboard.Aws.Vision;
using Storyboard.Core.Imaging;
using Storyboard.Core.Vision;

namespace Storyboard.Benchmarks;

/// <summary>
/// The work the Rekognition detector does on this machine per frame (encoding the frame and each
/// face crop, associating faces with label instances, colour-matching the rest), with Rekognition
/// answered in memory so only local CPU is measured. Baseline in the same run: encoding the frame
/// to PNG once, which any Rekognition call with inline bytes needs.
/// </summary>
internal sealed class RekognitionDetectorBenchmark : IBenchmark
{
    public string Name => "rekognition-detector";

    public string Description => "aws:rekognition detector's local work per 640x360 frame (2 faces, 3 instances) vs one PNG encode";

    public async Task<BenchmarkReport> RunAsync(BenchmarkOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var frame = Frame(640, 360);
        var tux = Sprite((20, 30, 140), (240, 160, 20));
        var gnu = Sprite((150, 40, 40), (40, 170, 60));
        var tuxPng = PngEncoder.Encode(tux);
        var rekognition = new InMemoryRekognition("Tux::" + Convert.ToHexStringLower(SHA256.HashData(tuxPng))[..32]);
        var vision = new RekognitionVisionOptions("benchmark") { ManageCollection = false };
        var index = await new RekognitionCharacterReferenceIndexBuilder(rekognition, vision).BuildAsync(
            [new CharacterReferenceImage("Tux", "tux.png", tuxPng), new CharacterReferenceImage("Gnu", "gnu.png", PngEncoder.Encode(gnu))], cancellationToken);
        var detector = new RekognitionCharacterDetector(rekognition, vision);
        var runs = options.Quick ? 3 : 15;

        var detections = await detector.DetectAsync(frame, index, cancellationToken);
        PngEncoder.Encode(frame);

        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var detect = await Timing.MedianAsync(runs, async () => await detector.DetectAsync(frame, index, cancellationToken));
        var detectCpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds / runs;
        var encode = await Timing.MedianAsync(runs, () => Task.FromResult(PngEncoder.Encode(frame)));
        var usage = detector.Usage;

        return new BenchmarkReport(
            Name,
            [
                ("runs (median of)", runs.ToString(CultureInfo.InvariantCulture)),
                ("detector local ms/frame (wall, median)", Timing.Ms(detect)),
                ("detector local CPU ms/frame (mean)", Timing.Ms(detectCpu)),
                ("baseline: PNG encode of the frame ms", Timing.Ms(encode)),
                ("detector / PNG encode", (detect / encode).ToString("F2", CultureInfo.InvariantCulture) + "x"),
                ("billed images per frame", usage.BilledImagesPerFrame.ToString("F1", CultureInfo.InvariantCulture)),
                ("detections", string.Join(", ", detections.Select(d => d.Character))),
            ],
            "< 100 ms CPU per frame (less than one Rekognition round trip)",
            detectCpu < 0.1);
    }

    /// <summary>Photograph-like content (gradients plus grain), which PNG compresses about as badly as a real frame.</summary>
    private static RgbImage Frame(int width, int height)
    {
        var random = new Random(3);
        var pixels = new byte[width * height * 3];
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var i = ((y * width) + x) * 3;
                pixels[i] = (byte)Math.Clamp((x * 200 / width) + random.Next(-12, 13), 0, 255);
                pixels[i + 1] = (byte)Math.Clamp((y * 180 / height) + 40 + random.Next(-12, 13), 0, 255);
                pixels[i + 2] = (byte)Math.Clamp(120 + random.Next(-12, 13), 0, 255);
            }
        }

        return new RgbImage(width, height, pixels);
    }

    private static RgbaImage Sprite((byte R, byte G, byte B) body, (byte R, byte G, byte B) patch)
    {
        const int W = 100, H = 140;
        var pixels = new byte[W * H * 4];
        for (var y = 0; y < H; y++)
        {
            for (var x = 0; x < W; x++)
            {
                double dx = (x - 50) / 50.0, dy = (y - 70) / 70.0;
                if ((dx * dx) + (dy * dy) <= 1)
                {
                    var c = y > H / 3 && Math.Abs(dx) < 0.45 ? patch : body;
                    (pixels[((y * W) + x) * 4], pixels[(((y * W) + x) * 4) + 1], pixels[(((y * W) + x) * 4) + 2], pixels[(((y * W) + x) * 4) + 3]) = (c.R, c.G, c.B, 255);
                }
            }
        }

        return new RgbaImage(W, H, pixels);
    }

    /// <summary>Fixed answers: two faces (the first search of each frame matches Tux's reference face, the second nobody), a person and two toys; the role may not list faces, as in DetectCharacters.</summary>
    private sealed class InMemoryRekognition(string tuxFaceId) : IRekognitionApi
    {
        private int _searches;

        private static BoundingBox Box(double l, double t, double w, double h) => new(w, h, l, t);

        public Task<DetectFacesResponse> DetectFacesAsync(DetectFacesRequest request, CancellationToken cancellationToken = default) =>
            Task.FromResult(new DetectFacesResponse([new FaceDetail(Box(0.19, 0.37, 0.12, 0.12), 99.8, null, null, null), new FaceDetail(Box(0.66, 0.35, 0.12, 0.12), 99.1, null, null, null)], null));

        public Task<DetectLabelsResponse> DetectLabelsAsync(DetectLabelsRequest request, CancellationToken cancellationToken = default) =>
            Task.FromResult(new DetectLabelsResponse(
            [
                new Label("Person", 98, [new LabelInstance(Box(0.15, 0.3, 0.2, 0.45), 98)], [], [], []),
                new Label("Toy", 90, [new LabelInstance(Box(0.6, 0.28, 0.2, 0.45), 90), new LabelInstance(Box(0.4, 0.5, 0.15, 0.4), 85)], [], [], []),
            ], null, "3.0"));

        public Task<SearchFacesByImageResponse> SearchFacesByImageAsync(SearchFacesByImageRequest request, CancellationToken cancellationToken = default) =>
            Task.FromResult(new SearchFacesByImageResponse(null, 99, Interlocked.Increment(ref _searches) % 2 == 1 ? [new FaceMatch(97.5, new Face("f", null, "i", tuxFaceId, 99, "7.0", null))] : [], "7.0"));

        public Task<CreateCollectionResponse> CreateCollectionAsync(CreateCollectionRequest request, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<DescribeCollectionResponse> DescribeCollectionAsync(DescribeCollectionRequest request, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<IndexFacesResponse> IndexFacesAsync(IndexFacesRequest request, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<ListFacesResponse> ListFacesAsync(ListFacesRequest request, CancellationToken cancellationToken = default) =>
            throw new AwsServiceException("Rekognition", "ListFaces", HttpStatusCode.BadRequest, "AccessDeniedException", "not authorized", null);

        public Task<DeleteFacesResponse> DeleteFacesAsync(DeleteFacesRequest request, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<DetectCustomLabelsResponse> DetectCustomLabelsAsync(DetectCustomLabelsRequest request, CancellationToken cancellationToken = default) => throw new NotSupportedException();
    }
}
