using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Storyboard.Asl.Paths;

namespace Storyboard.Asl.Tasks;

/// <summary>
/// A Step Functions Local MockConfigFile: StateMachines → &lt;name&gt; → TestCases → &lt;case&gt; → state →
/// mocked response name; MockedResponses → &lt;name&gt; → "0", "1-2"... (attempt numbers, from 0) →
/// Return (the task result as the integration returns it) or Throw {Error, Cause}.
/// </summary>
public sealed class MockConfig
{
    private readonly Dictionary<string, Dictionary<string, Dictionary<string, string>>> _testCases;
    private readonly Dictionary<string, List<(int From, int To, MockedResponse Response)>> _responses;

    private MockConfig(
        Dictionary<string, Dictionary<string, Dictionary<string, string>>> testCases,
        Dictionary<string, List<(int From, int To, MockedResponse Response)>> responses)
    {
        _testCases = testCases;
        _responses = responses;
    }

    public IReadOnlyCollection<string> StateMachineNames => _testCases.Keys;

    public static MockConfig Parse(string json)
    {
        var problems = new List<string>();
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json);
        }
        catch (JsonException e)
        {
            throw new InvalidMockConfigException($"The mock config is not valid JSON: {e.Message}");
        }

        var testCases = new Dictionary<string, Dictionary<string, Dictionary<string, string>>>(StringComparer.Ordinal);
        var responses = new Dictionary<string, List<(int, int, MockedResponse)>>(StringComparer.Ordinal);
        if (root?["StateMachines"] is not JsonObject machines)
        {
            throw new InvalidMockConfigException("The mock config has no StateMachines object.");
        }

        foreach (var (machine, node) in machines)
        {
            var cases = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
            if (node?["TestCases"] is not JsonObject testCaseNodes)
            {
                problems.Add($"StateMachines.{machine} has no TestCases object.");
                continue;
            }

            foreach (var (caseName, caseNode) in testCaseNodes)
            {
                var states = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (var (state, responseName) in caseNode as JsonObject ?? [])
                {
                    if (JsonNodes.TryGetString(responseName, out var r))
                    {
                        states[state] = r;
                    }
                    else
                    {
                        problems.Add($"StateMachines.{machine}.TestCases.{caseName}.{state} must name a mocked response.");
                    }
                }

                cases[caseName] = states;
            }

            testCases[machine] = cases;
        }

        foreach (var (name, node) in root["MockedResponses"] as JsonObject ?? [])
        {
            var ranges = new List<(int, int, MockedResponse)>();
            foreach (var (range, responseNode) in node as JsonObject ?? [])
            {
                var bounds = range.Split('-');
                if (bounds.Length is < 1 or > 2
                    || !int.TryParse(bounds[0], NumberStyles.None, CultureInfo.InvariantCulture, out var from)
                    || !int.TryParse(bounds[^1], NumberStyles.None, CultureInfo.InvariantCulture, out var to) || to < from)
                {
                    problems.Add($"MockedResponses.{name}: '{range}' is not an attempt number or range like \"1-2\".");
                    continue;
                }

                if (responseNode is JsonObject r && r.ContainsKey("Return"))
                {
                    ranges.Add((from, to, new MockedResponse(r["Return"]?.DeepClone(), null, null)));
                }
                else if (responseNode?["Throw"] is JsonObject t)
                {
                    ranges.Add((from, to, new MockedResponse(null, t["Error"]?.GetValue<string>() ?? "Error", t["Cause"]?.GetValue<string>() ?? string.Empty)));
                }
                else
                {
                    problems.Add($"MockedResponses.{name}.{range} needs Return or Throw.");
                }
            }

            responses[name] = ranges;
        }

        foreach (var (machine, cases) in testCases)
        {
            foreach (var (caseName, states) in cases)
            {
                foreach (var (state, response) in states.Where(s => !responses.ContainsKey(s.Value)))
                {
                    problems.Add($"StateMachines.{machine}.TestCases.{caseName}.{state} names '{response}', which is not in MockedResponses.");
                }
            }
        }

        if (problems.Count > 0)
        {
            throw new InvalidMockConfigException("The mock config is invalid:" + Environment.NewLine + "- " + string.Join(Environment.NewLine + "- ", problems));
        }

        return new MockConfig(testCases, responses);
    }

    /// <summary>The state → response mapping for one test case.</summary>
    public MockTestCase GetTestCase(string stateMachine, string testCase)
    {
        if (!_testCases.TryGetValue(stateMachine, out var cases))
        {
            throw new InvalidMockConfigException($"The mock config has no state machine '{stateMachine}' (it has: {string.Join(", ", _testCases.Keys)}).");
        }

        if (!cases.TryGetValue(testCase, out var states))
        {
            throw new InvalidMockConfigException($"State machine '{stateMachine}' has no test case '{testCase}' (it has: {string.Join(", ", cases.Keys)}).");
        }

        return new MockTestCase(this, states);
    }

    internal MockedResponse? Find(string responseName, int attempt)
    {
        foreach (var (from, to, response) in _responses[responseName])
        {
            if (attempt >= from && attempt <= to)
            {
                return response;
            }
        }

        return null;
    }
}
