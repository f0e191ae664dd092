namespace Storyboard.Functions.Contracts;

/// <summary>
/// The task output a reviewer sends back for the ReviewDataset callback
/// (<c>SendTaskSuccess</c> output, or <c>storyboard approve|reject</c>).
/// </summary>
public sealed record ReviewDecision(bool Approved, string Comment);
