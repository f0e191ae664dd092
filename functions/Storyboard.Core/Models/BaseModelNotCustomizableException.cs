namespace Storyboard.Core.Models;

/// <summary>The base model cannot be fine-tuned where the run would train it (FINE_TUNING is not among its customizations).</summary>
public sealed class BaseModelNotCustomizableException : Exception
{
    public BaseModelNotCustomizableException() { }

    public BaseModelNotCustomizableException(string message) : base(message) { }

    public BaseModelNotCustomizableException(string message, Exception innerException) : base(message, innerException) { }
}
