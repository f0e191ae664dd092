namespace Storyboard.Functions.Contracts;

/// <summary>
/// The acknowledgement ReviewDataset returns. Step Functions ignores it (the state waits for the
/// task token's callback); it is for logs and for tests.
/// </summary>
public sealed record ReviewDatasetOutput(string ReviewKey, string Status);
