namespace Storyboard.Functions.Internal;

/// <summary>A private working folder for one step invocation, removed when the step ends.</summary>
internal sealed class Scratch : IDisposable
{
    public Scratch(string root, string runId, string state)
    {
        Folder = Path.Combine(root, runId, state + "-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Folder);
    }

    public string Folder { get; }

    public string PathFor(params string[] parts) => Path.Combine([Folder, .. parts]);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // Scratch space is best effort: a leftover folder under /tmp must not fail a finished step.
        }
        catch (UnauthorizedAccessException)
        {
            // Same as above.
        }
    }
}
