namespace Storyboard.Asl.Tasks;

internal sealed class DelegateTaskHandler(Func<Stream, CancellationToken, Task<Stream>> function) : ITaskHandler
{
    public Task<Stream> InvokeAsync(Stream input, CancellationToken cancellationToken) => function(input, cancellationToken);
}
