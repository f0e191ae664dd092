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

    public static string Ladybug => Require(Stamps + "animals/insects/cartoon/ladybug.png");

    /// <summary>A second ladybird drawing: same species, different character.</summary>
    public static string Ladybug2 => Require(Stamps + "animals/insects/cartoon/ladybug-2.png");

    public static string Snail => Require(Stamps + "animals/insects/cartoon/snail.png");

    public static string Snail2 => Require(Stamps + "animals/insects/cartoon/snail2.png");

    public static string SpiderFly => Require(Stamps + "animals/insects/cartoon/spider_fly.png");

    /// <summary>The same style of cartoon spider in another scene.</summary>
    public static string SpiderFootball => Require(Stamps + "animals/insects/cartoon/spider_football.png");

    public static string SpiderComputer => Require(Stamps + "animals/insects/cartoon/spider_computer.png");

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
