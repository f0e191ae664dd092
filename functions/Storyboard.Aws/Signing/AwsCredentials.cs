namespace Storyboard.Aws.Signing;

/// <summary>
/// The keys one request is signed with. Resolved again for every request, because temporary
/// credentials (Lambda role, SSO, web identity) rotate while a client lives.
/// </summary>
public sealed record AwsCredentials(string AccessKeyId, string SecretAccessKey, string? SessionToken = null)
{
    /// <summary>Keeps secrets out of logs and exception messages.</summary>
    public override string ToString() => $"AwsCredentials {{ AccessKeyId = {AccessKeyId}, SessionToken = {(SessionToken is null ? "none" : "set")} }}";
}
