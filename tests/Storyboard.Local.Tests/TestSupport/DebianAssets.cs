namespace Storyboard.Local.Tests.TestSupport;

/// <summary>Sprites and photographs from Debian packages, used as real test material.</summary>
internal static class DebianAssets
{
    public const string Install = "apt-get install -y tuxpaint-stamps-default mate-backgrounds";

    private const string Stamps = "/usr/share/tuxpaint/stamps/";
    private const string Backgrounds = "/usr/share/backgrounds/mate/";

    public static string Dino => Require(Stamps + "animals/dinosaur/cartoon/dinosaurSings.png");

    public static string Teddy => Require(Stamps + "animals/mammals/bears/cartoon/teddy_bear.png");

    /// <summary>A plush teddy bear photo: same kind of thing as Teddy, a different character.</summary>
    public static string EdwardBear => Require(Stamps + "animals/mammals/bears/toys/edward_bear.png");

    public static string BrownBear => Require(Stamps + "animals/mammals/bears/bear.png");

    public static string Iguana => Require(Stamps + "animals/lizards/iguana.png");

    public static string CartoonLion => Require(Stamps + "animals/mammals/cats/cartoon/lion.png");

    public static string Garden => Require(Backgrounds + "nature/Garden.jpg");

    public static string Dune => Require(Backgrounds + "nature/Dune.jpg");

    public static string Wood => Require(Backgrounds + "nature/Wood.jpg");

    public static string Meadow => Require(Backgrounds + "nature/GreenMeadow.jpg");

    public static string Aqua => Require(Backgrounds + "nature/Aqua.jpg");

    public static string LadyBird => Require(Backgrounds + "nature/LadyBird.jpg");

    private static string Require(string path) => File.Exists(path)
        ? path
        : throw new FileNotFoundException($"Test material {path} is missing. Install it with: {Install}", path);
}
