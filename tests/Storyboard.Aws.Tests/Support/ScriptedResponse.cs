namespace Storyboard.Aws.Tests.Support;

/// <summary>What the loopback server answers to one request.</summary>
internal sealed record ScriptedResponse(int Status, string Body, IReadOnlyDictionary<string, string>? Headers = null, TimeSpan Delay = default, bool AbortConnection = false, string ContentType = "application/json")
{
    public static ScriptedResponse Ok(string body) => new(200, body, new Dictionary<string, string> { ["x-amzn-RequestId"] = "req-ok" });

    public static ScriptedResponse Error(int status, string code, string message, string requestId = "req-error") =>
        new(status, $$"""{"__type":"com.amazonaws.service#{{code}}","message":"{{message}}"}""", new Dictionary<string, string> { ["x-amzn-RequestId"] = requestId });
}
