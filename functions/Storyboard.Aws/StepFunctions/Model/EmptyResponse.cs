namespace Storyboard.Aws.StepFunctions.Model;

/// <summary>Operations whose output shape has no members.</summary>
public sealed record EmptyResponse;
