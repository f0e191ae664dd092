namespace Storyboard.Functions.Model;

/// <summary>One status a step saw, in the order the steps saw them.</summary>
public sealed record StatusObservation(string Step, string Status, string Message);
