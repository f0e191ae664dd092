namespace Storyboard.Cdk.Tests;

/// <summary>One synthesis of the default stack, shared by every test that reads the template (a synth takes seconds).</summary>
public sealed class SynthesizedStackFixture : IDisposable
{
    private readonly Synthesis _synthesis = new();

    internal Synthesis Synthesis => _synthesis;

    public void Dispose() => _synthesis.Dispose();
}

[CollectionDefinition(Name)]
public sealed class SynthesizedStackCollection : ICollectionFixture<SynthesizedStackFixture>
{
    public const string Name = "Synthesized stack";
}
