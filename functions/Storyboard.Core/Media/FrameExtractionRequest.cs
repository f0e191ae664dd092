namespace Storyboard.Core.Media;

/// <summary>
/// Frames of one segment of one video, written as JPEG files named by their presentation time
/// in milliseconds (<c>&lt;ms&gt;.jpg</c>) into a local folder.
/// </summary>
/// <param name="Source">Local file path or http(s) URL ffmpeg can read (e.g. a presigned URL); not an object-store key.</param>
/// <param name="Segment">The time span whose frames are wanted; a frame on the end boundary belongs to the next segment.</param>
/// <param name="Sampling">How frames are chosen.</param>
/// <param name="OutputFolder">Local folder for the JPEG files; created when missing.</param>
/// <param name="JpegQuality">ffmpeg's <c>-q:v</c> for MJPEG, 2 (best) to 31 (smallest).</param>
/// <param name="WorkingCopy">
/// When set, each frame also gets a small PNG copy of this size (<see cref="ExtractedFrame.WorkingCopyPath"/>),
/// scaled from the decoded picture in the same decoder pass, so later steps can read its pixels
/// in-process instead of decoding the JPEG again.
/// </param>
/// <param name="ReferenceFramesOnly">
/// Have the decoder skip frames no other frame is predicted from, and sample among the rest
/// (ffmpeg's <c>-skip_frame noref</c>): much less decoding for B-frame video, samples a few
/// frames after their tick at most.
/// </param>
public sealed record FrameExtractionRequest(
    string Source,
    TimeRange Segment,
    FrameSampling Sampling,
    string OutputFolder,
    int JpegQuality = 3,
    ThumbnailSize? WorkingCopy = null,
    bool ReferenceFramesOnly = false);
