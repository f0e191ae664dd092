using System.Collections.Concurrent;

namespace Storyboard.Asl.Tasks;

/// <summary>One test case in use: counts each mocked state's invocations to pick the response for the attempt.</summary>
public sealed class MockTestCase
{
    private readonly MockConfig _config;
    private readonly IReadOnlyDictionary<string, string> _states;
    private readonly ConcurrentDictionary<string, int> _attempts = new(StringComparer.Ordinal);

    internal MockTestCase(MockConfig config, IReadOnlyDictionary<string, string> states)
    {
        _config = config;
        _states = states;
    }

    public bool Mocks(string stateName) => _states.ContainsKey(stateName);

    /// <summary>The response for this invocation of the state; attempts past the last range repeat the last response.</summary>
    public MockedResponse Next(string stateName)
    {
        var attempt = _attempts.AddOrUpdate(stateName, 0, (_, n) => n + 1);
        var name = _states[stateName];
        for (var a = attempt; a >= 0; a--)
        {
            var response = _config.Find(name, a);
            if (response is not null)
            {
                return response;
            }
        }

        throw new InvalidMockConfigException($"Mocked response '{name}' has nothing for attempt {attempt} of state '{stateName}'.");
    }
}
