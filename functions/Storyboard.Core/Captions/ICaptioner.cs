namespace Storyboard.Core.Captions;

/// <summary>
/// Port to the captioning model (Nova Pro in AWS, a template captioner offline). Returns the
/// model's raw text; the caller extracts and checks it with <see cref="CaptionExtractor"/> and
/// <see cref="CaptionRules"/>, so a model that answers badly is retried and then rejected there.
/// </summary>
public interface ICaptioner
{
    /// <summary>Names the service in every caption record, e.g. <c>local:template-captioner v1</c>.</summary>
    string Service { get; }

    Task<string> CaptionAsync(CaptionRequest request, CancellationToken cancellationToken);
}
