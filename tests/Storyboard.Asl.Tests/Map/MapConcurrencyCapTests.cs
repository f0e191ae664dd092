using System.Text;
using System.Text.Json.Nodes;
using Storyboard.Asl.Execution;
using Storyboard.Asl.Tests.Support;

namespace Storyboard.Asl.Tests.Map;

public sealed class MapConcurrencyCapTests
{
    private const string Distributed = """
        {"StartAt":"Process","States":{"Process":{"Type":"Map","MaxConcurrency":8,"ItemsPath":"$.items",
          "ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"STANDARD"},"StartAt":"Work","States":{
            "Work":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:1:function:Work","End":true}}},
          "End":true}}}
        """;

    private const string Inline = """
        {"StartAt":"Process","States":{"Process":{"Type":"Map","MaxConcurrency":0,"ItemsPath":"$.items",
          "ItemProcessor":{"ProcessorConfig":{"Mode":"INLINE"},"StartAt":"Work","States":{
            "Work":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:1:function:Work","End":true}}},
          "End":true}}}
        """;

    [Theory]
    [InlineData(Distributed, null, 8)]
    [InlineData(Distributed, 2, 2)]
    [InlineData(Inline, 3, 3)]
    public async Task Map_WhenExecutorCapsConcurrency_ShouldRunAtMostTheCapAtOnce(string definition, int? cap, int expected)
    {
        var gauge = new ConcurrencyGauge();
        var executor = new LocalExecutor(new LocalExecutorOptions { Store = new InMemoryObjectStore(), MaxMapConcurrency = cap });
        executor.Handlers.RegisterFunction("Work", gauge.HandleAsync);
        var items = new JsonArray([.. Enumerable.Range(0, 16).Select(i => (JsonNode)i)]);

        var result = await executor.StartAsync(definition, new JsonObject { ["items"] = items }.ToJsonString());

        Assert.True(result.Succeeded, result.Cause);
        Assert.Equal(16, result.Output!.AsArray().Count);
        Assert.Equal(expected, gauge.Peak);
    }

    [Fact]
    public void MaxMapConcurrency_WhenBelowOne_ShouldBeRejected() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new LocalExecutorOptions { MaxMapConcurrency = 0 });

    /// <summary>A handler that holds each call for a moment and records how many were running at once.</summary>
    private sealed class ConcurrencyGauge
    {
        private readonly Lock gate = new();
        private int running;

        public int Peak { get; private set; }

        public async Task<Stream> HandleAsync(Stream input, CancellationToken cancellationToken)
        {
            var now = Interlocked.Increment(ref running);
            lock (gate)
            {
                Peak = Math.Max(Peak, now);
            }

            await Task.Delay(50, cancellationToken);
            Interlocked.Decrement(ref running);
            return new MemoryStream(Encoding.UTF8.GetBytes("{}"));
        }
    }
}
