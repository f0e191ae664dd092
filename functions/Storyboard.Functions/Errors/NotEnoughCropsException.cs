namespace Storyboard.Functions.Errors;

/// <summary>Too few usable crops for a training dataset; the message lists every crop that was dropped and why.</summary>
public sealed class NotEnoughCropsException : Exception
{
    public NotEnoughCropsException()
    {
    }

    public NotEnoughCropsException(string message)
        : base(message)
    {
    }

    public NotEnoughCropsException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
