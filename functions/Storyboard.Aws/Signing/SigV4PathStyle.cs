namespace Storyboard.Aws.Signing;

/// <summary>How the request path becomes the canonical URI.</summary>
public enum SigV4PathStyle
{
    /// <summary>
    /// Every service except S3: remove dot segments and empty segments, then percent-encode the
    /// (already encoded) path again, so '%3A' on the wire is '%253A' in the canonical request.
    /// </summary>
    NormalizeAndDoubleEncode,

    /// <summary>S3: the path is used exactly as sent; 'a//b' and 'a/./b' are distinct keys.</summary>
    AsSent,
}
