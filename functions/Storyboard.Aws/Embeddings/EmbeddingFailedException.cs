namespace Storyboard.Aws.Embeddings;

/// <summary>
/// The embedding model answered without a usable vector: it reported an error in its
/// <c>message</c> field, or returned a vector of the wrong length, non-finite values or all zeros.
/// </summary>
public sealed class EmbeddingFailedException : Exception
{
    public EmbeddingFailedException() { }

    public EmbeddingFailedException(string message) : base(message) { }

    public EmbeddingFailedException(string message, Exception innerException) : base(message, innerException) { }
}
