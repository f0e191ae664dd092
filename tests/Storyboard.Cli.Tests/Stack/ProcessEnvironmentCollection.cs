namespace Storyboard.Cli.Tests.Stack;

/// <summary>Tests that change process-wide environment variables run alone.</summary>
[CollectionDefinition(nameof(ProcessEnvironmentCollection), DisableParallelization = true)]
public sealed class ProcessEnvironmentCollection;
