namespace Storyboard.Aws.Bedrock.Model;

public sealed record ValidationDataConfig(IReadOnlyList<Validator> Validators);
