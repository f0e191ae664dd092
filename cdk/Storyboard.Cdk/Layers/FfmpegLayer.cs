using Amazon.CDK.AWS.Lambda;
using Constructs;
using Storyboard.Cdk.Settings;

namespace Storyboard.Cdk.Layers;

/// <summary>
/// The Lambda layer with static ffmpeg and ffprobe at /opt/bin, made by <c>layers/ffmpeg/build.sh</c>.
/// Synthesis fails with the command to run when the binaries are missing or built for the other CPU.
/// </summary>
public sealed class FfmpegLayer : Construct
{
    public const string FfmpegPath = "/opt/bin/ffmpeg";
    public const string FfprobePath = "/opt/bin/ffprobe";

    public FfmpegLayer(Construct scope, string id, DeploymentSettings settings, Runtime runtime)
        : base(scope, id)
    {
        Verify(settings);
        Layer = new LayerVersion(this, "Layer", new LayerVersionProps
        {
            Code = Code.FromAsset(settings.FfmpegLayerDirectory),
            CompatibleArchitectures = [settings.Architecture],
            CompatibleRuntimes = [runtime],
            Description = "Static ffmpeg and ffprobe (GPL-3.0) at /opt/bin for the Storyboard functions.",
            License = "GPL-3.0-or-later",
        });
    }

    public ILayerVersion Layer { get; }

    internal static void Verify(DeploymentSettings settings)
    {
        var architecture = settings.Architecture.Name;
        var buildCommand = $"layers/ffmpeg/build.sh --arch {architecture}";
        var expected = architecture == Architecture.ARM_64.Name ? ElfHeader.Aarch64 : ElfHeader.X86_64;
        foreach (var binary in new[] { "ffmpeg", "ffprobe" })
        {
            var path = Path.Combine(settings.FfmpegLayerDirectory, "bin", binary);
            if (!File.Exists(path))
            {
                throw new FfmpegLayerMissingException(
                    $"The ffmpeg layer is not built: '{path}' does not exist. Run `{buildCommand}` from the repository root, then synthesize again.");
            }

            var machine = ElfHeader.ReadMachine(path);
            if (machine != expected)
            {
                var found = machine switch
                {
                    ElfHeader.X86_64 => "x86_64",
                    ElfHeader.Aarch64 => "arm64",
                    null => "not a Linux executable",
                    var other => $"ELF machine {other}",
                };
                throw new FfmpegLayerMissingException(
                    $"'{path}' is {found}, but the functions are {architecture}. Run `{buildCommand}` from the repository root, then synthesize again.");
            }
        }
    }
}
