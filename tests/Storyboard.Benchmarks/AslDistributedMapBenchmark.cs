using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Storyboard.Asl.Definition;
using Storyboard.Asl.Execution;

namespace Storyboard.Benchmarks;

/// <summary>
/// A Distributed Map over 100,000 JSONL items, batched 100 per child, results exported by ResultWriter,
/// history on: peak process memory during the run against the process's memory before it.
/// </summary>
internal sealed class AslDistributedMapBenchmark : IBenchmark
{
    public string Name => "asl-distributed-map";

    public string Description => "distributed Map, 100,000 JSONL items, batches of 100: peak memory vs. before the run";

    public async Task<BenchmarkReport> RunAsync(BenchmarkOptions options, CancellationToken cancellationToken)
    {
        var count = options.Quick ? 10_000 : 100_000;
        var root = Path.Combine(options.WorkDirectory, "asl-distributed");
        Directory.CreateDirectory(Path.Combine(root, "runs", "bench"));
        await using (var writer = new StreamWriter(Path.Combine(root, "runs", "bench", "items.jsonl"), false, Encoding.UTF8))
        {
            for (var i = 0; i < count; i++)
            {
                await writer.WriteLineAsync($$"""{"frame":"runs/bench/frames/{{i:D6}}.jpg","timeSeconds":{{i * 0.04:F2}},"segment":{{i / 1000}}}""");
            }
        }

        var definition = DefinitionLoader.Load("""
            {"StartAt":"ProcessSegments","States":{"ProcessSegments":{"Type":"Map","MaxConcurrency":16,"Label":"Frames",
              "ItemReader":{"Resource":"arn:aws:states:::s3:getObject","ReaderConfig":{"InputType":"JSONL"},"Parameters":{"Bucket":"local","Key":"runs/bench/items.jsonl"}},
              "ItemBatcher":{"MaxItemsPerBatch":100,"BatchInput":{"runId.$":"$.runId"}},
              "ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"STANDARD"},"StartAt":"Summarize","States":{
                "Summarize":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:123456789012:function:Summarize","End":true}}},
              "ResultWriter":{"Resource":"arn:aws:states:::s3:putObject","Parameters":{"Bucket":"local","Prefix":"runs/bench/results"}},
              "End":true}}}
            """, null, "DistributedMap");
        var executor = new LocalExecutor(new LocalExecutorOptions { Store = new AslStoreForBenchmark(root) });
        executor.Handlers.RegisterFunction("Summarize", async (input, ct) =>
        {
            var batch = (await JsonNode.ParseAsync(input, cancellationToken: ct))!;
            var items = batch["Items"]!.AsArray();
            var summary = new JsonObject { ["count"] = items.Count, ["first"] = items[0]!["frame"]!.DeepClone(), ["runId"] = batch["BatchInput"]!["runId"]!.DeepClone() };
            return new MemoryStream(Encoding.UTF8.GetBytes(summary.ToJsonString()));
        });

        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var before = process.WorkingSet64;
        var peak = before;
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                process.Refresh();
                peak = Math.Max(peak, process.WorkingSet64);
                try
                {
                    await Task.Delay(10, sampling.Token);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }, CancellationToken.None);

        var run = Stopwatch.StartNew();
        var result = await executor.StartExecutionAsync(definition, new StartExecutionRequest(JsonNode.Parse("""{"runId":"bench"}"""), "bench"), cancellationToken);
        run.Stop();
        await sampling.CancelAsync();
        await sampler;
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"{result.Error}: {result.Cause}");
        }

        var manifest = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(root, result.Output!["ResultWriterDetails"]!["Key"]!.GetValue<string>()), cancellationToken))!;
        var files = manifest["ResultFiles"]!["SUCCEEDED"]!.AsArray().Count;
        const double Mb = 1024 * 1024;
        var peakMb = peak / Mb;
        return new BenchmarkReport(Name,
        [
            ("items / children", $"{count:N0} / {count / 100:N0}"),
            ("run time", $"{run.Elapsed.TotalSeconds:N1} s ({count / run.Elapsed.TotalSeconds:N0} items/s)"),
            ("result files (SUCCEEDED_n.json)", files.ToString(CultureInfo.InvariantCulture)),
            ("working set before run", $"{before / Mb:N0} MB"),
            ("peak working set during run", $"{peakMb:N0} MB"),
            ("peak / before", $"{(double)peak / before:N2}x"),
        ], "peak < 400 MB", peakMb < 400);
    }
}
