using System.Text.Json.Nodes;
using Storyboard.Asl.Execution;
using Storyboard.Asl.History;
using Storyboard.Asl.Tests.Support;

namespace Storyboard.Asl.Tests.Execution;

public sealed class RedriveTests
{
    [Fact]
    public async Task Redrive_WhenTaskFailed_ShouldRestartAtFailedStateWithItsInputAndSkipEarlierStates()
    {
        var store = new InMemoryObjectStore();
        var calls = new List<string>();
        var broken = true;
        LocalExecutor NewExecutor()
        {
            var executor = Run.Executor(store);
            executor.Handlers
                .RegisterFunction("First", Handlers.Json(n =>
                {
                    calls.Add("First");
                    return JsonValue.Create(n!["v"]!.GetValue<int>() * 10);
                }))
                .RegisterFunction("Second", Handlers.Json(n =>
                {
                    calls.Add("Second");
                    return broken ? throw new InvalidOperationException("not yet") : JsonValue.Create(n!["first"]!.GetValue<int>() + 1);
                }));
            return executor;
        }

        const string definition = """
            {"StartAt":"A","States":{
              "A":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:1:function:First","ResultPath":"$.first","Next":"B"},
              "B":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:1:function:Second","ResultPath":"$.second","End":true}}}
            """;
        var failed = await NewExecutor().StartAsync(definition, """{"v":4}""", runId: "run-1");
        Assert.Equal("InvalidOperationException", failed.Error);

        broken = false;
        var redriven = await NewExecutor().RedriveExecutionAsync("run-1");

        Assert.True(redriven.Succeeded, redriven.Cause);
        Assert.Equal("""{"v":4,"first":40,"second":41}""", redriven.Output!.ToJsonString());
        Assert.Equal(["First", "Second", "Second"], calls);
        Assert.Equal(1, redriven.RedriveCount);
        var history = await ExecutionHistory.ReadAsync(store, "runs/run-1/history.jsonl");
        Assert.Equal(1, history.Count(e => e.Type == "ExecutionFailed"));
        var redrivenEvent = Assert.Single(history, e => e.Type == "ExecutionRedriven");
        Assert.Equal(1, redrivenEvent.Details!["redriveCount"]!.GetValue<int>());
        Assert.Equal(history.Select(e => e.Id), Enumerable.Range(1, history.Count).Select(i => (long)i));
    }

    [Fact]
    public async Task Redrive_WhenInlineMapIterationFailed_ShouldRerunOnlyFailedIterations()
    {
        var store = new InMemoryObjectStore();
        var seen = new List<int>();
        var failOn = 2;
        LocalExecutor NewExecutor()
        {
            var executor = Run.Executor(store);
            executor.Handlers.RegisterFunction("Work", Handlers.Json(n =>
            {
                var v = n!.GetValue<int>();
                lock (seen)
                {
                    seen.Add(v);
                }

                return v == failOn ? throw new InvalidOperationException("bad item") : JsonValue.Create(v * v);
            }));
            return executor;
        }

        const string definition = """
            {"StartAt":"M","States":{"M":{"Type":"Map","ItemsPath":"$.items","MaxConcurrency":1,
              "ItemProcessor":{"StartAt":"W","States":{"W":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:1:function:Work","End":true}}},"End":true}}}
            """;
        var failed = await NewExecutor().StartAsync(definition, """{"items":[1,2,3]}""", runId: "run-map");
        Assert.Equal(ExecutionStatus.Failed, failed.Status);
        seen.Clear();
        failOn = -1;

        var redriven = await NewExecutor().RedriveExecutionAsync("run-map");

        Assert.Equal("[1,4,9]", redriven.Output!.ToJsonString());
        Assert.DoesNotContain(1, seen);
        Assert.Contains(2, seen);
    }

    [Fact]
    public async Task Redrive_WhenParallelBranchFailed_ShouldRerunOnlyThatBranch()
    {
        var store = new InMemoryObjectStore();
        var calls = new List<string>();
        var broken = true;
        var leftDone = new TaskCompletionSource();
        LocalExecutor NewExecutor()
        {
            var executor = Run.Executor(store);
            executor.Handlers
                .RegisterFunction("Left", Handlers.Json(_ =>
                {
                    lock (calls)
                    {
                        calls.Add("Left");
                    }

                    leftDone.TrySetResult();
                    return JsonValue.Create("left");
                }))
                .RegisterFunction("Right", async (input, ct) =>
                {
                    lock (calls)
                    {
                        calls.Add("Right");
                    }

                    if (broken)
                    {
                        // Fail only once the other branch has succeeded, so what the redrive skips is certain.
                        await leftDone.Task.WaitAsync(ct);
                        await Task.Delay(50, ct);
                        throw new TimeoutException("slow service");
                    }

                    return await Handlers.Json(_ => JsonValue.Create("right"))(input, ct);
                });
            return executor;
        }

        const string definition = """
            {"StartAt":"Both","States":{"Both":{"Type":"Parallel","End":true,"Branches":[
              {"StartAt":"L","States":{"L":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:1:function:Left","End":true}}},
              {"StartAt":"R","States":{"R":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:1:function:Right","End":true}}}]}}}
            """;
        var failed = await NewExecutor().StartAsync(definition, "{}", runId: "run-par");
        Assert.Equal("TimeoutException", failed.Error);
        calls.Clear();
        broken = false;

        var redriven = await NewExecutor().RedriveExecutionAsync("run-par");

        Assert.Equal("""["left","right"]""", redriven.Output!.ToJsonString());
        Assert.Equal(["Right"], calls);
    }

    [Fact]
    public async Task Redrive_WhenExecutionSucceeded_ShouldRefuse()
    {
        var store = new InMemoryObjectStore();
        await Run.Executor(store).StartAsync("""{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}""", "{}", runId: "ok");

        await Assert.ThrowsAsync<ExecutionNotRedrivableException>(() => Run.Executor(store).RedriveExecutionAsync("ok"));
    }
}
