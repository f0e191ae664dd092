using Storyboard.Aws.Http;

namespace Storyboard.Aws.Vision.Internal;

/// <summary>Turns the Rekognition errors no retry can fix into exceptions that say what to change.</summary>
internal static class RekognitionErrors
{
    public const string AccessDenied = "AccessDeniedException";
    public const string ResourceNotFound = "ResourceNotFoundException";
    public const string ResourceAlreadyExists = "ResourceAlreadyExistsException";
    public const string ResourceNotReady = "ResourceNotReadyException";
    public const string InvalidParameter = "InvalidParameterException";

    /// <summary>Errors that mean "this image cannot be used", not "this request is wrong".</summary>
    public static bool IsBadImage(AwsServiceException ex) =>
        ex.ErrorCode is "InvalidImageFormatException" or "ImageTooLargeException" or InvalidParameter or "InvalidS3ObjectException";

    /// <returns>The exception to throw instead, or null to let the original surface.</returns>
    public static Exception? Explain(AwsServiceException ex, string collectionId, string? customLabelsArn = null)
    {
        var operation = ex.Operation;
        switch (ex.ErrorCode)
        {
            case AccessDenied:
                var resource = operation is "DetectLabels" or "DetectFaces"
                    ? "resource \"*\" (these actions act on an image, not a collection)"
                    : operation == "DetectCustomLabels"
                        ? $"the project version {customLabelsArn}"
                        : $"arn:aws:rekognition:<region>:<account>:collection/{collectionId}";
                return new RekognitionAccessDeniedException(
                    $"Rekognition refused {operation}: the role this runs as needs rekognition:{operation} on {resource}. "
                    + (operation is "CreateCollection" ? "Deploy the stack, which creates the collection, or create it yourself. " : string.Empty)
                    + $"({ex.Message})", ex);
            case ResourceNotFound when operation == "DetectCustomLabels":
            case ResourceNotReady when operation == "DetectCustomLabels":
                return new CustomLabelsModelNotRunningException(
                    $"The Custom Labels model version {customLabelsArn} is {(ex.ErrorCode == ResourceNotReady ? "not running" : "not found")}. "
                    + "Start it (StartProjectVersion; it bills per running hour until stopped) or remove CustomLabelsProjectVersionArn to use faces and labels. "
                    + $"({ex.Message})", ex);
            case ResourceNotFound:
                return new RekognitionCollectionNotFoundException(
                    $"The Rekognition collection '{collectionId}' does not exist in this account and region. Check STORYBOARD_COLLECTION_ID and the region; "
                    + "the stack creates the collection and PrepareCharacters indexes the references into it, so deploy the stack or start the run again. "
                    + $"({ex.Message})", ex);
            default:
                return null;
        }
    }
}
