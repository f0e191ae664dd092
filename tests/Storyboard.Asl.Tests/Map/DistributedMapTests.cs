using System.Text;
using System.Text.Json.Nodes;
using Storyboard.Asl.Execution;
using Storyboard.Asl.History;
using Storyboard.Asl.Tests.Support;
using Storyboard.Core.Storage;

namespace Storyboard.Asl.Tests.Map;

public sealed class DistributedMapTests
{
    private const string Definition = """
        {"StartAt":"Process","States":{"Process":{"Type":"Map","MaxConcurrency":4,"Label":"Segments",
          "ItemReader":{"Resource":"arn:aws:states:::s3:getObject","ReaderConfig":{"InputType":"JSONL"},"Parameters":{"Bucket":"runs","Key.$":"$.itemsKey"}},
          "ItemBatcher":{"MaxItemsPerBatch":3,"BatchInput":{"run.$":"$.run"}},
          "ToleratedFailurePercentage":0,
          "ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"STANDARD"},"StartAt":"Sum","States":{
            "Sum":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:1:function:Sum","End":true}}},
          "ResultWriter":{"Resource":"arn:aws:states:::s3:putObject","Parameters":{"Bucket":"runs","Prefix.$":"States.Format('runs/{}/results', $.run)"}},
          "ResultPath":"$.map","End":true}}}
        """;

    private static async Task<InMemoryObjectStore> StoreWithItems(int count)
    {
        var store = new InMemoryObjectStore();
        var lines = string.Join("\n", Enumerable.Range(1, count).Select(i => $$"""{"n":{{i}}}"""));
        await store.WriteTextAsync("runs/r1/items.jsonl", lines);
        return store;
    }

    private static LocalExecutor Executor(InMemoryObjectStore store, Func<int, bool> fails)
    {
        var executor = Run.Executor(store);
        executor.Handlers.RegisterFunction("Sum", Handlers.Json(batch =>
        {
            var items = batch!["Items"]!.AsArray().Select(i => i!["n"]!.GetValue<int>()).ToList();
            if (items.Any(fails))
            {
                throw new InvalidOperationException("cannot sum " + string.Join(",", items));
            }

            return new JsonObject { ["sum"] = items.Sum(), ["run"] = batch["BatchInput"]!["run"]!.DeepClone() };
        }));
        return executor;
    }

    [Fact]
    public async Task DistributedMap_WhenAllChildrenSucceed_ShouldWriteManifestAndResultFilesLikeStepFunctions()
    {
        var store = await StoreWithItems(10);

        var result = await Executor(store, _ => false).StartAsync(Definition, """{"run":"r1","itemsKey":"runs/r1/items.jsonl"}""", runId: "r1");

        Assert.True(result.Succeeded, result.Cause);
        var details = result.Output!["map"]!;
        Assert.StartsWith("arn:aws:states:local:000000000000:mapRun:Test/Segments:", details["MapRunArn"]!.GetValue<string>(), StringComparison.Ordinal);
        var manifestKey = details["ResultWriterDetails"]!["Key"]!.GetValue<string>();
        Assert.Equal("runs", details["ResultWriterDetails"]!["Bucket"]!.GetValue<string>());
        Assert.Matches("^runs/r1/results/[0-9a-f-]{36}/manifest.json$", manifestKey);
        var manifest = JsonNode.Parse(await store.ReadTextAsync(manifestKey))!;
        Assert.Equal("runs", manifest["DestinationBucket"]!.GetValue<string>());
        Assert.Empty(manifest["ResultFiles"]!["FAILED"]!.AsArray());
        Assert.Empty(manifest["ResultFiles"]!["PENDING"]!.AsArray());
        var file = Assert.Single(manifest["ResultFiles"]!["SUCCEEDED"]!.AsArray())!;
        Assert.EndsWith("/SUCCEEDED_0.json", file["Key"]!.GetValue<string>(), StringComparison.Ordinal);
        var entries = JsonNode.Parse(await store.ReadTextAsync(file["Key"]!.GetValue<string>()))!.AsArray();
        Assert.Equal(file["Size"]!.GetValue<long>(), Encoding.UTF8.GetByteCount(await store.ReadTextAsync(file["Key"]!.GetValue<string>())));
        Assert.Equal(4, entries.Count);
        Assert.Equal(55, entries.Sum(e => JsonNode.Parse(e!["Output"]!.GetValue<string>())!["sum"]!.GetValue<int>()));
        var entry = entries[0]!.AsObject();
        foreach (var field in new[] { "ExecutionArn", "Input", "InputDetails", "Name", "Output", "OutputDetails", "RedriveCount", "RedriveStatus", "StartDate", "StateMachineArn", "Status", "StopDate" })
        {
            Assert.True(entry.ContainsKey(field), field);
        }

        Assert.Equal("SUCCEEDED", entry["Status"]!.GetValue<string>());
        var history = await ExecutionHistory.ReadAsync(store, "runs/r1/history.jsonl");
        Assert.Contains(history, e => e.Type == "MapRunStarted");
        Assert.Contains(history, e => e.Type == "MapRunSucceeded");
        Assert.Contains(store.Keys, k => k.StartsWith("runs/r1/map-runs/", StringComparison.Ordinal) && k.EndsWith(".jsonl", StringComparison.Ordinal));
    }

    [Fact]
    public async Task DistributedMap_WhenChildFailsAndIsRedriven_ShouldRerunOnlyUnsuccessfulChildren()
    {
        var store = await StoreWithItems(9);
        var broken = true;
        var succeeded = new List<int>();
        var ran = new List<int>();
        LocalExecutor NewExecutor()
        {
            var executor = Run.Executor(store);
            executor.Handlers.RegisterFunction("Sum", Handlers.Json(batch =>
            {
                var items = batch!["Items"]!.AsArray().Select(i => i!["n"]!.GetValue<int>()).ToList();
                lock (ran)
                {
                    ran.Add(items[0]);
                }

                if (broken && items.Contains(5))
                {
                    throw new InvalidOperationException("cannot sum " + string.Join(",", items));
                }

                lock (succeeded)
                {
                    succeeded.Add(items[0]);
                }

                return new JsonObject { ["sum"] = items.Sum(), ["run"] = batch["BatchInput"]!["run"]!.DeepClone() };
            }));
            return executor;
        }

        var failed = await NewExecutor().StartAsync(Definition, """{"run":"r1","itemsKey":"runs/r1/items.jsonl"}""", runId: "r1");
        Assert.Equal("States.ExceedToleratedFailureThreshold", failed.Error);
        var failedManifest = store.Keys.Single(k => k.EndsWith("manifest.json", StringComparison.Ordinal));
        var failedFiles = JsonNode.Parse(await store.ReadTextAsync(failedManifest))!["ResultFiles"]!;
        var failedEntry = JsonNode.Parse(await store.ReadTextAsync(failedFiles["FAILED"]![0]!["Key"]!.GetValue<string>()))![0]!;
        Assert.Equal("InvalidOperationException", failedEntry["Error"]!.GetValue<string>());
        Assert.Equal("FAILED", failedEntry["Status"]!.GetValue<string>());

        broken = false;
        var succeededBefore = succeeded.ToList();
        ran.Clear();
        var redriven = await NewExecutor().RedriveExecutionAsync("r1");

        Assert.True(redriven.Succeeded, redriven.Cause);
        Assert.Contains(4, ran);
        Assert.Empty(ran.Intersect(succeededBefore));
        var manifest = JsonNode.Parse(await store.ReadTextAsync(failedManifest))!["ResultFiles"]!;
        Assert.Empty(manifest["FAILED"]!.AsArray());
        var sums = 0;
        foreach (var f in manifest["SUCCEEDED"]!.AsArray())
        {
            foreach (var e in JsonNode.Parse(await store.ReadTextAsync(f!["Key"]!.GetValue<string>()))!.AsArray())
            {
                sums += JsonNode.Parse(e!["Output"]!.GetValue<string>())!["sum"]!.GetValue<int>();
            }
        }

        Assert.Equal(45, sums);
        var history = await ExecutionHistory.ReadAsync(store, "runs/r1/history.jsonl");
        Assert.Contains(history, e => e.Type == "MapRunRedriven");
    }

    [Fact]
    public async Task DistributedMap_WhenWriterConfigCompactJsonl_ShouldWriteOutputsOnlyAsJsonLines()
    {
        var store = await StoreWithItems(4);
        var definition = Definition.Replace(
            "\"Parameters\":{\"Bucket\":\"runs\",\"Prefix.$\"",
            "\"WriterConfig\":{\"Transformation\":\"COMPACT\",\"OutputType\":\"JSONL\"},\"Parameters\":{\"Bucket\":\"runs\",\"Prefix.$\"",
            StringComparison.Ordinal);

        var result = await Executor(store, _ => false).StartAsync(definition, """{"run":"r1","itemsKey":"runs/r1/items.jsonl"}""", runId: "r1");

        var manifest = JsonNode.Parse(await store.ReadTextAsync(result.Output!["map"]!["ResultWriterDetails"]!["Key"]!.GetValue<string>()))!;
        var key = manifest["ResultFiles"]!["SUCCEEDED"]![0]!["Key"]!.GetValue<string>();
        var lines = (await store.ReadTextAsync(key)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.All(lines, l => Assert.NotNull(JsonNode.Parse(l)!["sum"]));
    }

    [Fact]
    public async Task DistributedMap_WhenItemReaderObjectMissing_ShouldFailWithItemReaderFailed()
    {
        var store = new InMemoryObjectStore();

        var result = await Executor(store, _ => false).StartAsync(Definition, """{"run":"r1","itemsKey":"runs/r1/none.jsonl"}""");

        Assert.Equal("States.ItemReaderFailed", result.Error);
    }

    [Fact]
    public async Task DistributedMap_WhenReadingJsonArrayAndListing_ShouldYieldItems()
    {
        var store = new InMemoryObjectStore();
        await store.WriteTextAsync("in/a.json", "[1,2,3]");
        await store.WriteTextAsync("in/b.json", "[4]");
        var executor = Run.Executor(store);

        var fromArray = await executor.StartAsync("""
            {"StartAt":"M","States":{"M":{"Type":"Map","ItemReader":{"Resource":"arn:aws:states:::s3:getObject","ReaderConfig":{"InputType":"JSON"},"Parameters":{"Bucket":"b","Key":"in/a.json"}},
              "ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"EXPRESS"},"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}},"End":true}}}
            """, "{}");
        var fromListing = await executor.StartAsync("""
            {"StartAt":"M","States":{"M":{"Type":"Map","ItemReader":{"Resource":"arn:aws:states:::s3:listObjectsV2","Parameters":{"Bucket":"b","Prefix":"in/"}},
              "ItemSelector":{"key.$":"$$.Map.Item.Value.Key"},
              "ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"EXPRESS"},"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}},"End":true}}}
            """, "{}");

        Assert.Equal("[1,2,3]", fromArray.Output!.ToJsonString());
        Assert.Equal("""[{"key":"in/a.json"},{"key":"in/b.json"}]""", fromListing.Output!.ToJsonString());
    }

    [Fact]
    public async Task DistributedMap_WhenReadingCsvWithHeaderRow_ShouldYieldObjectsOfStrings()
    {
        var store = new InMemoryObjectStore();
        await store.WriteTextAsync("in/ratings.csv", "rating,title\n5,\"Moby Dick, abridged\"\n3,Sayings\n");

        var result = await Run.Executor(store).StartAsync("""
            {"StartAt":"M","States":{"M":{"Type":"Map","ItemReader":{"Resource":"arn:aws:states:::s3:getObject","ReaderConfig":{"InputType":"CSV","CSVHeaderLocation":"FIRST_ROW"},"Parameters":{"Bucket":"b","Key":"in/ratings.csv"}},
              "ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"STANDARD"},"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}},"End":true}}}
            """, "{}");

        Assert.Equal("""[{"rating":"5","title":"Moby Dick, abridged"},{"rating":"3","title":"Sayings"}]""", result.Output!.ToJsonString());
    }
}
