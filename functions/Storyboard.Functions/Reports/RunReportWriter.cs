using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Storyboard.Core.Dataset;
using Storyboard.Core.Json;
using Storyboard.Core.Planning;
using Storyboard.Core.Selection;
using Storyboard.Core.Storage;
using Storyboard.Functions.Artifacts;
using Storyboard.Functions.Composition;
using Storyboard.Functions.Contracts;
using Storyboard.Functions.Internal;

namespace Storyboard.Functions.Reports;

/// <summary>
/// Writes <c>dataset/report.html</c> from what the run folder holds right now: counts per step,
/// step timings (from <c>history.jsonl</c> when present), a timeline of where each character
/// appears, the kept crops per character with captions, every near-duplicate beside the crop that
/// replaced it, dropped frames and rejected crops with reasons, and the storyboard sheet when it
/// exists. Self-contained (inline CSS and SVG); images are linked by paths relative to the report,
/// so the page works in a local run folder and in a downloaded copy of the S3 prefix alike.
/// Every file is optional, so the render step can call this again at the end of the run.
/// </summary>
public sealed class RunReportWriter(IObjectStore store, TimeProvider clock)
{
    private const string Css = """
        body{font-family:system-ui,sans-serif;margin:2rem;color:#222;background:#fafafa}
        h1{font-size:1.6rem}h2{margin-top:2.2rem;border-bottom:1px solid #ccc;padding-bottom:.3rem}
        table{border-collapse:collapse}td,th{border:1px solid #ddd;padding:.3rem .6rem;text-align:left;vertical-align:top}
        .grid{display:flex;flex-wrap:wrap;gap:1rem}.card{background:#fff;border:1px solid #ddd;border-radius:6px;padding:.5rem;width:220px;font-size:.85rem}
        .card img{width:100%;height:auto;display:block;background:#eee}.pair{display:flex;gap:.5rem;align-items:flex-start;background:#fff;border:1px solid #ddd;border-radius:6px;padding:.5rem;font-size:.85rem}
        .pair img{width:140px}.muted{color:#777}.reason{color:#a33}code{font-size:.8rem}
        """;

    private static readonly string[] Palette = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#17becf", "#8c564b", "#e377c2"];

    public async Task<string> WriteAsync(RunContext run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        var keys = new RunKeys(run.RunId);
        var layout = keys.Layout;

        var header = await ReadHeaderAsync(layout.PlanHeaderKey, cancellationToken).ConfigureAwait(false);
        var frames = await ReadAllAsync(keys.Prefix + "frames-index/", FunctionsJsonContext.Default.FramesManifest, cancellationToken).ConfigureAwait(false);
        var filters = await ReadAllAsync(keys.Prefix + "filtered/", FunctionsJsonContext.Default.FilterManifest, cancellationToken).ConfigureAwait(false);
        var cropRejections = (await ReadAllAsync(keys.Prefix + "crop-rejections/", FunctionsJsonContext.Default.CropRejections, cancellationToken).ConfigureAwait(false)).SelectMany(r => r.Rejected).ToList();
        var detections = await ReadLinesIfExistsAsync(layout.DetectionsKey, CoreJsonContext.Default.DetectionLine, cancellationToken).ConfigureAwait(false);
        if (detections.Count == 0)
        {
            foreach (var key in await StoreJson.ListKeysAsync(store, keys.Prefix + "detections/", cancellationToken).ConfigureAwait(false))
            {
                detections.AddRange(await StoreJson.ReadLinesAsync(store, key, CoreJsonContext.Default.DetectionLine, cancellationToken).ConfigureAwait(false));
            }
        }

        var crops = new List<CropEntry>();
        foreach (var key in await StoreJson.ListKeysAsync(store, keys.CropIndexPrefix, cancellationToken).ConfigureAwait(false))
        {
            crops.AddRange(await StoreJson.ReadLinesAsync(store, key, FunctionsJsonContext.Default.CropEntry, cancellationToken).ConfigureAwait(false));
        }

        var selection = await StoreJson.ReadIfExistsAsync(store, layout.SelectionKey, FunctionsJsonContext.Default.SelectionDocument, cancellationToken).ConfigureAwait(false);
        var captionFiles = await ReadAllAsync(keys.CaptionsPrefix, FunctionsJsonContext.Default.CaptionsFile, cancellationToken).ConfigureAwait(false);
        var captions = captionFiles.SelectMany(f => f.Captioned).ToDictionary(c => c.Key, StringComparer.Ordinal);
        var captionRejections = captionFiles.SelectMany(f => f.Rejected).ToList();
        var items = await ReadLinesIfExistsAsync(layout.ItemsKey, CoreJsonContext.Default.DatasetItem, cancellationToken).ConfigureAwait(false);
        var timings = await ReadTimingsAsync(layout.HistoryKey, cancellationToken).ConfigureAwait(false);
        var hasSheet = await store.ExistsAsync(layout.StoryboardSheetKey, cancellationToken).ConfigureAwait(false);
        var byKey = crops.ToDictionary(c => c.Key, StringComparer.Ordinal);

        string Rel(string key) => key.StartsWith(keys.Prefix, StringComparison.Ordinal) ? "../" + key[keys.Prefix.Length..] : key;
        static string H(string? text) => WebUtility.HtmlEncode(text ?? string.Empty);
        static string T(double seconds) => TimeSpan.FromSeconds(seconds).ToString(seconds >= 3600 ? @"h\:mm\:ss\.fff" : @"m\:ss\.fff", CultureInfo.InvariantCulture);

        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Storyboard run ").Append(H(run.RunId)).Append("</title><style>").Append(Css).Append("</style></head><body>");
        html.Append("<h1>Run ").Append(H(run.RunId)).Append("</h1><p>Video <code>").Append(H(run.VideoKey)).Append("</code> · services <b>").Append(H(run.Services)).Append("</b> · base model <code>").Append(H(run.BaseModel)).Append("</code>");
        if (header is not null)
        {
            html.Append(CultureInfo.InvariantCulture, $" · {H(T(header.DurationSeconds))} at {header.Width}x{header.Height}, sampled at {header.EffectiveFps:0.###} fps in {header.SegmentCount} segment(s)");
        }

        html.Append("</p>");

        if (hasSheet)
        {
            html.Append("<h2>Storyboard</h2><img src=\"").Append(H(Rel(layout.StoryboardSheetKey))).Append("\" alt=\"storyboard sheet\" style=\"max-width:100%\">");
        }

        var dropped = filters.SelectMany(f => f.Dropped).ToList();
        var kept = selection?.Kept ?? [];
        html.Append("<h2>Counts per step</h2><table><tr><th>Step</th><th>Result</th></tr>");
        Row(html, "ExtractFrames", $"{frames.Sum(f => f.Frames.Count)} frames");
        Row(html, "FilterFrames", $"{filters.Sum(f => f.Kept.Count)} kept, {dropped.Count} dropped ({string.Join(", ", dropped.GroupBy(d => d.Reason).Select(g => $"{g.Count()} {g.Key}"))})");
        Row(html, "DetectCharacters", $"{detections.Count} detections ({string.Join(", ", detections.GroupBy(d => d.Character).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key}: {g.Count()}"))})");
        Row(html, "CropCharacters", $"{crops.Count} crops, {cropRejections.Count} rejected");
        Row(html, "SelectCrops", selection is null ? "not run yet" : $"{kept.Count} kept, {selection.Replacements.Count} replaced, {selection.Invalid.Count} invalid (threshold {selection.Threshold:0.###}, {H(selection.EmbeddingService)})");
        Row(html, "CaptionCrops", $"{captions.Count} captioned, {captionRejections.Count} rejected ({H(string.Join(", ", captionFiles.Select(f => f.Service).Distinct()))})");
        Row(html, "BuildDataset", $"{items.Count} training records");
        html.Append("</table>");

        if (timings.Count > 0)
        {
            html.Append("<h2>Step timings</h2><table><tr><th>State</th><th>First entered</th><th>Last left</th><th>Visits</th><th>Seconds in state</th></tr>");
            foreach (var t in timings)
            {
                html.Append(CultureInfo.InvariantCulture, $"<tr><td>{H(t.State)}</td><td>{H(t.First.ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture))}</td><td>{H(t.Last.ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture))}</td><td>{t.Visits}</td><td>{t.Total.TotalSeconds:0.00}</td></tr>");
            }

            html.Append("</table>");
        }

        AppendTimeline(html, detections, kept.Select(k => byKey.GetValueOrDefault(k)).OfType<CropEntry>().ToList(), header?.DurationSeconds);

        html.Append("<h2>Kept crops</h2>");
        foreach (var group in kept.Select(k => byKey.GetValueOrDefault(k)).OfType<CropEntry>().GroupBy(c => c.Character).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            html.Append("<h3>").Append(H(group.Key)).Append(CultureInfo.InvariantCulture, $" ({group.Count()})</h3><div class=\"grid\">");
            foreach (var crop in group.OrderBy(c => c.TimeSeconds))
            {
                var caption = captions.GetValueOrDefault(crop.Key)?.Caption;
                html.Append("<div class=\"card\"><img loading=\"lazy\" src=\"").Append(H(Rel(crop.Key))).Append("\" alt=\"").Append(H(caption ?? crop.Character)).Append("\"><div>")
                    .Append(caption is null ? "<span class=\"muted\">no caption</span>" : H(caption))
                    .Append("</div><div class=\"muted\">").Append(H(T(crop.TimeSeconds))).Append(" · ").Append(H(string.Join(" + ", crop.Characters)))
                    .Append(CultureInfo.InvariantCulture, $" · {crop.Width}x{crop.Height} · confidence {crop.Confidence:0.00}</div></div>");
            }

            html.Append("</div>");
        }

        if (selection is { Replacements.Count: > 0 })
        {
            html.Append("<h2>Near-duplicates and the crops that replaced them</h2><div class=\"grid\">");
            foreach (var r in selection.Replacements)
            {
                html.Append("<div class=\"pair\"><div><img loading=\"lazy\" src=\"").Append(H(Rel(r.RejectedId))).Append("\" alt=\"rejected\"><div class=\"reason\">rejected</div></div><div><img loading=\"lazy\" src=\"")
                    .Append(H(Rel(r.KeptId))).Append("\" alt=\"kept\"><div>kept</div></div><div>")
                    .Append(r.Reason == ReplacementReason.NearDuplicate ? "near-duplicate" : "dropped for diversity")
                    .Append(CultureInfo.InvariantCulture, $"<br>similarity {r.Similarity:0.000}</div></div>");
            }

            html.Append("</div>");
        }

        if (dropped.Count > 0)
        {
            html.Append("<h2>Frames dropped by the filters</h2><table><tr><th>Time</th><th>Frame</th><th>Reason</th><th>Measurement</th></tr>");
            foreach (var d in dropped.OrderBy(d => d.TimeSeconds))
            {
                html.Append("<tr><td>").Append(H(T(d.TimeSeconds))).Append("</td><td><a href=\"").Append(H(Rel(d.Key))).Append("\">").Append(H(Path.GetFileName(d.Key))).Append("</a></td><td class=\"reason\">")
                    .Append(H(d.Reason)).Append("</td><td>").Append(H(d.Detail)).Append("</td></tr>");
            }

            html.Append("</table>");
        }

        if (cropRejections.Count > 0 || captionRejections.Count > 0 || selection is { Invalid.Count: > 0 })
        {
            html.Append("<h2>Rejected crops</h2><table><tr><th>What</th><th>Why</th></tr>");
            foreach (var r in cropRejections.OrderBy(r => r.TimeSeconds))
            {
                html.Append("<tr><td>").Append(H($"{r.Character} at {T(r.TimeSeconds)}")).Append("</td><td class=\"reason\">").Append(H(r.Reason)).Append("</td></tr>");
            }

            foreach (var r in selection?.Invalid ?? [])
            {
                html.Append("<tr><td>").Append(H(r.Id)).Append("</td><td class=\"reason\">").Append(H(r.Reason)).Append("</td></tr>");
            }

            foreach (var r in captionRejections)
            {
                html.Append("<tr><td><a href=\"").Append(H(Rel(r.Key))).Append("\">").Append(H(r.Key)).Append("</a></td><td class=\"reason\">").Append(H(string.Join("; ", r.Reasons))).Append("</td></tr>");
            }

            html.Append("</table>");
        }

        html.Append("<p class=\"muted\">Written ").Append(H(clock.GetUtcNow().ToString("u", CultureInfo.InvariantCulture))).Append(".</p></body></html>");
        await store.WriteTextAsync(layout.ReportKey, html.ToString(), "text/html; charset=utf-8", cancellationToken).ConfigureAwait(false);
        return layout.ReportKey;

        static void Row(StringBuilder html, string step, string result) =>
            html.Append("<tr><td>").Append(WebUtility.HtmlEncode(step)).Append("</td><td>").Append(WebUtility.HtmlEncode(result)).Append("</td></tr>");
    }

    /// <summary>One row per character: a tick for every detection, a dot for every kept crop.</summary>
    private static void AppendTimeline(StringBuilder html, List<DetectionLine> detections, List<CropEntry> kept, double? duration)
    {
        if (detections.Count == 0)
        {
            return;
        }

        var characters = detections.Select(d => d.Character).Distinct().Order(StringComparer.Ordinal).ToList();
        var end = Math.Max(duration ?? 0, detections.Max(d => d.TimeSeconds));
        end = end <= 0 ? 1 : end;
        const int Left = 110, Width = 800, RowHeight = 26;
        var height = (characters.Count * RowHeight) + 30;
        string X(double t) => (Left + (t / end * Width)).ToString("0.0", CultureInfo.InvariantCulture);
        html.Append("<h2>Where each character appears</h2>")
            .Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Left + Width + 20}\" height=\"{height}\" role=\"img\" aria-label=\"timeline of detections\">");
        for (var i = 0; i < characters.Count; i++)
        {
            var y = (i * RowHeight) + 14;
            var colour = Palette[i % Palette.Length];
            html.Append(CultureInfo.InvariantCulture, $"<text x=\"4\" y=\"{y + 4}\" font-size=\"12\">{WebUtility.HtmlEncode(characters[i])}</text>")
                .Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" x2=\"{Left + Width}\" y1=\"{y}\" y2=\"{y}\" stroke=\"#ddd\"/>");
            foreach (var d in detections.Where(d => d.Character == characters[i]))
            {
                html.Append(CultureInfo.InvariantCulture, $"<line x1=\"{X(d.TimeSeconds)}\" x2=\"{X(d.TimeSeconds)}\" y1=\"{y - 8}\" y2=\"{y + 8}\" stroke=\"{colour}\" stroke-width=\"2\"><title>{WebUtility.HtmlEncode(characters[i])} at {d.TimeSeconds:0.000} s, confidence {d.Confidence:0.00}</title></line>");
            }

            foreach (var c in kept.Where(c => c.Character == characters[i]))
            {
                html.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{X(c.TimeSeconds)}\" cy=\"{y}\" r=\"4\" fill=\"#fff\" stroke=\"{colour}\" stroke-width=\"2\"><title>kept crop at {c.TimeSeconds:0.000} s</title></circle>");
            }
        }

        var axis = (characters.Count * RowHeight) + 18;
        html.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left}\" y=\"{axis}\" font-size=\"11\">0 s</text><text x=\"{Left + Width - 40}\" y=\"{axis}\" font-size=\"11\">{end:0.0} s</text></svg>")
            .Append("<p class=\"muted\">Ticks: detections. Circles: crops kept for the dataset.</p>");
    }

    private async Task<PlanHeader?> ReadHeaderAsync(string key, CancellationToken cancellationToken)
    {
        if (!await store.ExistsAsync(key, cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        await using var stream = await store.OpenReadAsync(key, cancellationToken).ConfigureAwait(false);
        return await SegmentPlanSerializer.ReadHeaderAsync(stream, cancellationToken).ConfigureAwait(false);
    }

    private async Task<List<T>> ReadAllAsync<T>(string prefix, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
    {
        var all = new List<T>();
        foreach (var key in await StoreJson.ListKeysAsync(store, prefix, cancellationToken).ConfigureAwait(false))
        {
            all.Add(await StoreJson.ReadAsync(store, key, typeInfo, cancellationToken).ConfigureAwait(false));
        }

        return all;
    }

    private async Task<List<T>> ReadLinesIfExistsAsync<T>(string key, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken) =>
        await store.ExistsAsync(key, cancellationToken).ConfigureAwait(false)
            ? await StoreJson.ReadLinesAsync(store, key, typeInfo, cancellationToken).ConfigureAwait(false)
            : [];

    /// <summary>
    /// Time spent in each state, from the <c>…StateEntered</c> / <c>…StateExited</c> events of
    /// <c>history.jsonl</c> (GetExecutionHistory's shape: the state's name is in the event's
    /// details). A state entered several times (a polling loop, Map iterations) adds up. Lines that
    /// do not have that shape are skipped, so a torn or foreign line does not spoil the report.
    /// </summary>
    private async Task<List<StateTiming>> ReadTimingsAsync(string key, CancellationToken cancellationToken)
    {
        var timings = new Dictionary<string, StateTiming>(StringComparer.Ordinal);
        var open = new Dictionary<string, Queue<DateTimeOffset>>(StringComparer.Ordinal);
        if (!await store.ExistsAsync(key, cancellationToken).ConfigureAwait(false))
        {
            return [];
        }

        var text = await store.ReadTextAsync(key, cancellationToken).ConfigureAwait(false);
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            try
            {
                using var document = JsonDocument.Parse(line);
                var root = document.RootElement;
                if (root.ValueKind != JsonValueKind.Object
                    || !root.TryGetProperty("type", out var typeElement) || typeElement.GetString() is not { } type
                    || !root.TryGetProperty("timestamp", out var ts) || ts.ValueKind != JsonValueKind.String
                    || !DateTimeOffset.TryParse(ts.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)
                    || StateName(root) is not { } state)
                {
                    continue;
                }

                if (type.EndsWith("StateEntered", StringComparison.Ordinal))
                {
                    (open.TryGetValue(state, out var queue) ? queue : open[state] = new Queue<DateTimeOffset>()).Enqueue(time);
                    timings.TryAdd(state, new StateTiming(state, time, time, TimeSpan.Zero, 0));
                }
                else if (type.EndsWith("StateExited", StringComparison.Ordinal)
                    && open.TryGetValue(state, out var entered) && entered.TryDequeue(out var since)
                    && timings.TryGetValue(state, out var timing))
                {
                    timings[state] = timing with { Last = time, Total = timing.Total + (time - since), Visits = timing.Visits + 1 };
                }
            }
            catch (JsonException)
            {
                // A torn or foreign line in the history does not spoil the report.
            }
        }

        return [.. timings.Values.OrderBy(t => t.First)];
    }

    private static string? StateName(JsonElement line)
    {
        foreach (var property in line.EnumerateObject())
        {
            if (property.Name.EndsWith("EventDetails", StringComparison.Ordinal)
                && property.Value.ValueKind == JsonValueKind.Object
                && property.Value.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String)
            {
                return name.GetString();
            }
        }

        return null;
    }
}
