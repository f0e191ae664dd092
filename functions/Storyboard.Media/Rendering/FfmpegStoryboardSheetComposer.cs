using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using Storyboard.Core.Media;
using Storyboard.Core.Rendering;
using Storyboard.Media.Internal;

namespace Storyboard.Media.Rendering;

/// <summary>
/// <see cref="IStoryboardSheetComposer"/> over ffmpeg: each panel is scaled to fit its cell and
/// centred on a dark background, numbered with drawtext when a font is installed (Debian
/// fonts-dejavu-core), placed with xstack and written as one PNG.
/// </summary>
public sealed class FfmpegStoryboardSheetComposer(MediaToolLocator locator, MediaProcessRunner runner, MediaToolsOptions options, string? fontFile = null) : IStoryboardSheetComposer
{
    private const string Background = "0x1e1e1e";

    private static ReadOnlySpan<byte> PngSignature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>Looked for in order when no font is given.</summary>
    public static IReadOnlyList<string> DefaultFonts { get; } =
    [
        "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
        "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    ];

    /// <summary>The font drawtext will use, or null when none is installed (panels stay unnumbered).</summary>
    public string? Font { get; } = fontFile is not null
        ? (File.Exists(fontFile) ? fontFile : null)
        : DefaultFonts.FirstOrDefault(File.Exists);

    public async Task<StoryboardSheet> ComposeAsync(IReadOnlyList<SheetPanel> panels, SheetLayout layout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(panels);
        ArgumentNullException.ThrowIfNull(layout);
        if (panels.Count == 0)
        {
            throw new ArgumentException("A storyboard sheet needs at least one panel; configure storyboard.scenes in the run config.", nameof(panels));
        }

        for (var i = 0; i < panels.Count; i++)
        {
            if (!IsPng(panels[i].Png.Span))
            {
                throw new InvalidPanelImageException($"Panel {i + 1} ('{panels[i].Label}') is not a PNG image; every panel must be PNG bytes.");
            }
        }

        var scratch = Path.Combine(Path.GetTempPath(), "storyboard-sheet-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(scratch);
        try
        {
            var arguments = new List<string> { "-nostdin", "-hide_banner", "-nostats", "-loglevel", "error" };
            for (var i = 0; i < panels.Count; i++)
            {
                var path = Path.Combine(scratch, i.ToString(CultureInfo.InvariantCulture) + ".png");
                await File.WriteAllBytesAsync(path, panels[i].Png, cancellationToken).ConfigureAwait(false);
                arguments.AddRange(["-f", "image2", "-pattern_type", "none", "-i", MediaInput.ToArgument(path)]);
            }

            arguments.AddRange(["-filter_complex", FilterGraph(panels, layout), "-map", "[sheet]", "-frames:v", "1", "-c:v", "png", "-f", "image2pipe", "-"]);
            var width = layout.Width(panels.Count);
            var height = layout.Height(panels.Count);
            var result = await runner.RunAsync(
                new MediaProcessRequest("ffmpeg", locator.Ffmpeg, arguments, options.ImageTimeout, ((long)width * height * 4) + (1 << 20)),
                cancellationToken).ConfigureAwait(false);
            if (result.ExitCode != 0 || result.Stdout.Length < 24)
            {
                throw MediaProcessFailedException.For("ffmpeg", "composing the storyboard sheet", result.ExitCode, result.StderrTail);
            }

            var png = result.Stdout;
            return new StoryboardSheet(
                png,
                BinaryPrimitives.ReadInt32BigEndian(png.Span[16..20]),
                BinaryPrimitives.ReadInt32BigEndian(png.Span[20..24]),
                Labelled: Font is not null);
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }

    private string FilterGraph(IReadOnlyList<SheetPanel> panels, SheetLayout layout)
    {
        var (cw, ch) = (layout.CellWidth, layout.CellHeight);
        var graph = new StringBuilder();
        for (var i = 0; i < panels.Count; i++)
        {
            graph.Append(CultureInfo.InvariantCulture, $"[{i}:v]scale=w={cw}:h={ch}:force_original_aspect_ratio=decrease:flags=area,")
                .Append(CultureInfo.InvariantCulture, $"pad={cw}:{ch}:(ow-iw)/2:(oh-ih)/2:color={Background},setsar=1,format=rgb24");
            if (Font is not null && Label(panels[i].Label) is { Length: > 0 } label)
            {
                var size = Math.Max(12, ch / 14);
                graph.Append(CultureInfo.InvariantCulture, $",drawtext=fontfile='{EscapePath(Font)}':text='{label}':x={size / 2}:y={size / 2}:fontsize={size}:fontcolor=white:box=1:boxcolor=black@0.6:boxborderw={size / 4}");
            }

            graph.Append(CultureInfo.InvariantCulture, $"[p{i}];");
        }

        if (panels.Count == 1)
        {
            graph.Append("[p0]null[grid];");
        }
        else
        {
            var positions = Enumerable.Range(0, panels.Count)
                .Select(i => string.Create(CultureInfo.InvariantCulture, $"{i % layout.Columns * cw}_{i / layout.Columns * ch}"));
            graph.Append(string.Concat(Enumerable.Range(0, panels.Count).Select(i => $"[p{i}]")))
                .Append(CultureInfo.InvariantCulture, $"xstack=inputs={panels.Count}:layout={string.Join('|', positions)}:fill={Background}[grid];");
        }

        // xstack sizes its output to the panels it placed (a single row of a short grid is narrower); pad makes every sheet the layout's size.
        graph.Append(CultureInfo.InvariantCulture, $"[grid]pad={layout.Width(panels.Count)}:{layout.Height(panels.Count)}:0:0:color={Background}[sheet]");
        return graph.ToString();
    }

    /// <summary>Letters, digits, spaces and '#' only: anything else would need drawtext's three levels of escaping.</summary>
    private static string Label(string label) =>
        new([.. label.Where(c => char.IsAsciiLetterOrDigit(c) || c is ' ' or '#').Take(24)]);

    private static string EscapePath(string path) => path.Replace("\\", "\\\\", StringComparison.Ordinal).Replace(":", "\\:", StringComparison.Ordinal).Replace("'", string.Empty, StringComparison.Ordinal);

    private static bool IsPng(ReadOnlySpan<byte> bytes) =>
        bytes.Length >= 8 && bytes[..8].SequenceEqual(PngSignature);
}
