namespace Storyboard.Media.Internal;

/// <summary>The last few lines of a stream, so errors can quote the tool without keeping its whole log.</summary>
internal sealed class LineTail(int capacity)
{
    private const int MaxLineLength = 500;
    private readonly Queue<string> _lines = new();
    private readonly Lock _gate = new();

    public void Add(string line)
    {
        if (line.Length > MaxLineLength)
        {
            line = line[..MaxLineLength] + "...";
        }

        lock (_gate)
        {
            _lines.Enqueue(line);
            while (_lines.Count > capacity)
            {
                _lines.Dequeue();
            }
        }
    }

    public override string ToString()
    {
        lock (_gate)
        {
            return string.Join('\n', _lines.Where(l => l.Length > 0));
        }
    }
}
