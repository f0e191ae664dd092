namespace Storyboard.Functions.Tests.TestSupport;

/// <summary>Sprites and photographs from Debian packages, used as real test material.</summary>
internal static class DebianAssets
{
    public const string Install = "apt-get install -y tuxpaint-stamps-default mate-backgrounds";

    public static string Dino => Require("/usr/share/tuxpaint/stamps/animals/dinosaur/cartoon/dinosaurSings.png");

    public static string Teddy => Require("/usr/share/tuxpaint/stamps/animals/mammals/bears/cartoon/teddy_bear.png");

    public static string Garden => Require("/usr/share/backgrounds/mate/nature/Garden.jpg");

    public static string Meadow => Require("/usr/share/backgrounds/mate/nature/GreenMeadow.jpg");

    private static string Require(string path) => File.Exists(path)
        ? path
        : throw new FileNotFoundException($"Test material {path} is missing. Install it with: {Install}", path);
}
