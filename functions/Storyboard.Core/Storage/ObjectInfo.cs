namespace Storyboard.Core.Storage;

public sealed record ObjectInfo(string Key, long Size, DateTimeOffset LastModified);
