namespace Storyboard.Functions.Internal;

/// <summary>Which files under <c>characters/&lt;Name&gt;/</c> are reference images.</summary>
internal static class ReferenceFiles
{
    public static bool IsImageName(string key) =>
        key.EndsWith(".png", StringComparison.OrdinalIgnoreCase)
        || key.EndsWith(".jpg", StringComparison.OrdinalIgnoreCase)
        || key.EndsWith(".jpeg", StringComparison.OrdinalIgnoreCase);

    public static bool IsPngName(string key) => key.EndsWith(".png", StringComparison.OrdinalIgnoreCase);

    /// <summary>Hidden files (.DS_Store, editor backups) are not references and not errors either.</summary>
    public static bool IsHidden(string key) => Path.GetFileName(key).StartsWith('.');
}
