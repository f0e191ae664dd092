using System.Globalization;
using System.Net;
using System.Text;
using Storyboard.Core.Config;
using Storyboard.Core.Models;
using Storyboard.Core.Rendering;
using Storyboard.Core.Requests;
using Storyboard.Core.Runs;
using Storyboard.Core.Storage;
using Storyboard.Functions.Contracts;
using Storyboard.Functions.Reports;

namespace Storyboard.Functions.Model;

/// <summary>Renders every configured scene, then lays the panels out on one sheet with an index page.</summary>
public sealed class StoryboardStep(ModelServices services)
{
    /// <exception cref="InvalidRequestException">A scene's TEXT_IMAGE request breaks the model's rules; every scene is checked before any is rendered.</exception>
    public async Task<RenderStoryboardOutput> RenderAsync(RunContext run, ThroughputOutput throughput)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(throughput);
        var profile = ModelProfiles.Get(run.BaseModel);
        var config = RunConfigLoader.Parse(await services.Store.ReadTextAsync(run.ConfigKey).ConfigureAwait(false));
        var layout = new RunLayout(run.RunId);
        var indexKey = layout.StoryboardPrefix + "index.html";
        var scenes = config.Storyboard.Scenes;
        var requests = scenes.Select(s => new TextImageRequest(s.Prompt, s.NegativePrompt, s.Width, s.Height, config.Storyboard.CfgScale, s.Seed, s.ImagesPerScene)).ToList();

        // Every scene first: a mistake in the last scene must not cost the renders before it.
        var problems = requests.SelectMany((r, i) => TextImageRequestValidator.Validate(r, profile, $"storyboard.scenes[{i}]")).ToList();
        if (problems.Count > 0)
        {
            throw new InvalidRequestException(problems);
        }

        var panels = new List<StoryboardPanelOutput>();
        var sheetPanels = new List<SheetPanel>();
        var rendered = new List<(int Scene, TextImageRequest Request, GeneratedImages Images)>();
        var service = string.Empty;
        for (var i = 0; i < requests.Count; i++)
        {
            var images = await services.Images.GenerateAsync(new ImageGenerationRequest(throughput.ProvisionedModelArn, layout.ItemsKey, requests[i])).ConfigureAwait(false);
            service = images.Service;
            rendered.Add((i + 1, requests[i], images));
            for (var j = 0; j < images.Images.Count; j++)
            {
                var key = layout.PanelKey(i + 1, j + 1);
                await using (var stream = new MemoryStream(images.Images[j].Png.ToArray(), writable: false))
                {
                    await services.Store.WriteAsync(key, stream, "image/png").ConfigureAwait(false);
                }

                panels.Add(new StoryboardPanelOutput(i + 1, j + 1, key));
                sheetPanels.Add(new SheetPanel(images.Images[j].Png, images.Images.Count > 1 ? $"Scene {i + 1} #{j + 1}" : $"Scene {i + 1}"));
            }
        }

        string? sheetKey = null;
        if (sheetPanels.Count > 0)
        {
            var sheet = await services.Sheets.ComposeAsync(sheetPanels, SheetLayout.For(sheetPanels.Count)).ConfigureAwait(false);
            await using var stream = new MemoryStream(sheet.Png.ToArray(), writable: false);
            await services.Store.WriteAsync(layout.StoryboardSheetKey, stream, "image/png").ConfigureAwait(false);
            sheetKey = layout.StoryboardSheetKey;
        }

        await services.Store.WriteTextAsync(indexKey, IndexPage(run.RunId, rendered, panels, sheetKey, service), "text/html; charset=utf-8").ConfigureAwait(false);

        // The run report was first written by BuildDataset; written again now it can show the sheet.
        await new RunReportWriter(services.Store, TimeProvider.System).WriteAsync(run, CancellationToken.None).ConfigureAwait(false);
        return new RenderStoryboardOutput(panels, sheetKey, indexKey, service.Length > 0 ? service : "none (no scenes configured)");
    }

    private static string IndexPage(string runId, List<(int Scene, TextImageRequest Request, GeneratedImages Images)> rendered, List<StoryboardPanelOutput> panels, string? sheetKey, string service)
    {
        static string E(string text) => WebUtility.HtmlEncode(text);
        var html = new StringBuilder();
        html.Append("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Storyboard ").Append(E(runId)).Append("</title>\n")
            .Append("<style>body{font-family:sans-serif;margin:2em;max-width:70em}.scene{display:flex;gap:1.5em;margin:1.5em 0;align-items:flex-start}.scene img{max-width:24em;max-height:24em;border:1px solid #999}.note{background:#fff4d6;padding:.8em;border:1px solid #e0b84c}</style>\n")
            .Append("</head><body>\n<h1>Storyboard — ").Append(E(runId)).Append("</h1>\n");
        if (rendered.Count == 0)
        {
            html.Append("<p>No scenes are configured: add <code>storyboard.scenes</code> to the run config to render panels.</p>\n");
        }
        else if (rendered.Any(r => !r.Images.Generated))
        {
            html.Append("<p class=\"note\"><strong>These are previews assembled from the dataset's own crops, not generated images.</strong> ")
                .Append("For each scene the crops whose captions and characters best match the prompt were chosen; no model was trained or invoked.</p>\n");
        }

        html.Append("<p>Made by: ").Append(E(service)).Append("</p>\n");
        if (sheetKey is not null)
        {
            html.Append("<p><img src=\"sheet.png\" alt=\"storyboard sheet\" style=\"max-width:100%\"></p>\n");
        }

        foreach (var (scene, request, images) in rendered)
        {
            html.Append(CultureInfo.InvariantCulture, $"<div class=\"scene\"><div><h2>Scene {scene}</h2><p>{E(request.Text)}</p>");
            if (request.NegativeText is not null)
            {
                html.Append("<p><em>Avoid:</em> ").Append(E(request.NegativeText)).Append("</p>");
            }

            html.Append(CultureInfo.InvariantCulture, $"<p><small>seed {request.Seed}, {request.Width}×{request.Height}, cfgScale {request.CfgScale}</small></p></div>");
            var scenePanels = panels.Where(p => p.Scene == scene).ToList();
            for (var j = 0; j < scenePanels.Count; j++)
            {
                var file = scenePanels[j].Key[(scenePanels[j].Key.LastIndexOf('/') + 1)..];
                html.Append("<figure><img src=\"").Append(E(file)).Append("\" alt=\"scene ").Append(scene.ToString(CultureInfo.InvariantCulture))
                    .Append("\"><figcaption><small>").Append(E(images.Images[j].Provenance)).Append("</small></figcaption></figure>");
            }

            html.Append("</div>\n");
        }

        return html.Append("</body></html>\n").ToString();
    }
}
