namespace Storyboard.Media.Tests;

/// <summary>All media tests share one set of generated inputs.</summary>
[CollectionDefinition(Name)]
public sealed class MediaCollection : ICollectionFixture<MediaFiles>
{
    public const string Name = "media";
}
