namespace Storyboard.Asl.Tasks;

/// <summary>
/// A Task's code, shaped like the Lambda functions: JSON in as a stream, JSON out as a stream.
/// Throw to fail the task: the exception's unqualified type name becomes the Step Functions Error.
/// </summary>
public interface ITaskHandler
{
    Task<Stream> InvokeAsync(Stream input, CancellationToken cancellationToken);
}
