namespace Storyboard.Cdk.Layers;

/// <summary>The ffmpeg layer has not been built (or not for this architecture); the message names the script to run.</summary>
public sealed class FfmpegLayerMissingException : CdkAppException
{
    public FfmpegLayerMissingException(string message)
        : base(message)
    {
    }
}
