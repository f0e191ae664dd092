namespace Storyboard.Aws.Customization;

/// <summary>Bedrock refused the call for lack of permission: the caller's IAM policy, iam:PassRole on the customization role, or the role's trust policy. The message names the permission to grant.</summary>
public sealed class BedrockAccessDeniedException : Exception
{
    public BedrockAccessDeniedException() { }

    public BedrockAccessDeniedException(string message) : base(message) { }

    public BedrockAccessDeniedException(string message, Exception innerException) : base(message, innerException) { }
}
