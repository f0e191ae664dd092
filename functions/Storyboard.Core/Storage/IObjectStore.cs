namespace Storyboard.Core.Storage;

/// <summary>
/// The run's bucket: S3 in AWS, a folder on a local run. Keys use '/' and follow the run layout
/// (DESIGN §4), so a run folder and a bucket prefix hold the same files under the same names.
/// </summary>
public interface IObjectStore
{
    /// <summary>A readable stream over the object; <see cref="ObjectNotFoundException"/> when absent.</summary>
    Task<Stream> OpenReadAsync(string key, CancellationToken cancellationToken = default);

    Task<bool> ExistsAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>Metadata of one object, or null when absent.</summary>
    Task<ObjectInfo?> GetInfoAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes the whole object or nothing: a reader never sees a half-written object, so a
    /// run that dies mid-write can be redriven without cleaning up.
    /// </summary>
    Task WriteAsync(string key, Stream content, string? contentType = null, CancellationToken cancellationToken = default);

    /// <summary>Objects whose key starts with <paramref name="prefix"/>, in ordinal key order (as S3 lists them).</summary>
    IAsyncEnumerable<ObjectInfo> ListAsync(string prefix, CancellationToken cancellationToken = default);

    /// <summary>Deleting an absent object is not an error (as in S3).</summary>
    Task DeleteAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>
    /// A location a child process such as ffmpeg can read directly: a file path for a local store,
    /// a presigned HTTPS URL for S3, so a video is never copied whole before it is decoded.
    /// </summary>
    Task<string> GetReadableLocationAsync(string key, TimeSpan validity, CancellationToken cancellationToken = default);
}
