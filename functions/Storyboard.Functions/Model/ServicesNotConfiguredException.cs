namespace Storyboard.Functions.Model;

/// <summary>The function's environment does not say where the run's files are.</summary>
public sealed class ServicesNotConfiguredException : Exception
{
    public ServicesNotConfiguredException() { }

    public ServicesNotConfiguredException(string message) : base(message) { }

    public ServicesNotConfiguredException(string message, Exception innerException) : base(message, innerException) { }
}
