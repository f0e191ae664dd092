namespace Storyboard.Aws.Signing;

/// <summary>
/// The intermediate texts of one signature. Filled only on request (tests, diagnostics), so the
/// hot path does not pay for strings nobody reads.
/// </summary>
public sealed class SigV4Details
{
    public string CanonicalRequest { get; internal set; } = string.Empty;

    public string StringToSign { get; internal set; } = string.Empty;

    public string SignedHeaders { get; internal set; } = string.Empty;

    public string Signature { get; internal set; } = string.Empty;
}
