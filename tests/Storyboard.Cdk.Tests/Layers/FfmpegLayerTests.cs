using Amazon.CDK.AWS.Lambda;
using Storyboard.Cdk.Layers;
using Storyboard.Cdk.Settings;

namespace Storyboard.Cdk.Tests.Layers;

public sealed class FfmpegLayerTests
{
    private static DeploymentSettings SettingsFor(string layerDirectory, Architecture architecture) =>
        new(architecture, true, null, 30, 7, 30, layerDirectory, "amazon.nova-canvas-v1:0", "amazon.titan-embed-image-v1", "amazon.nova-pro-v1:0");

    [Fact]
    public void Verify_WhenLayerIsNotBuilt_ShouldNameTheBuildScript()
    {
        var missing = Path.Combine(Path.GetTempPath(), "storyboard-no-layer-" + Guid.NewGuid().ToString("N"));

        var exception = Assert.Throws<FfmpegLayerMissingException>(() => FfmpegLayer.Verify(SettingsFor(missing, Architecture.X86_64)));

        Assert.Contains("layers/ffmpeg/build.sh --arch x86_64", exception.Message, StringComparison.Ordinal);
        Assert.Contains(Path.Combine(missing, "bin", "ffmpeg"), exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_WhenFfprobeIsMissing_ShouldNameIt()
    {
        using var layer = new TestLayer(ElfHeader.X86_64, "ffmpeg");

        var exception = Assert.Throws<FfmpegLayerMissingException>(() => FfmpegLayer.Verify(SettingsFor(layer.Directory, Architecture.X86_64)));

        Assert.Contains("ffprobe", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_WhenLayerIsBuiltForTheOtherCpu_ShouldAskForARebuild()
    {
        using var layer = new TestLayer(ElfHeader.X86_64);

        var exception = Assert.Throws<FfmpegLayerMissingException>(() => FfmpegLayer.Verify(SettingsFor(layer.Directory, Architecture.ARM_64)));

        Assert.Contains("is x86_64, but the functions are arm64", exception.Message, StringComparison.Ordinal);
        Assert.Contains("layers/ffmpeg/build.sh --arch arm64", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_WhenLayerMatchesTheArchitecture_ShouldPass()
    {
        using var layer = new TestLayer(ElfHeader.Aarch64);

        FfmpegLayer.Verify(SettingsFor(layer.Directory, Architecture.ARM_64));
    }

    [Fact]
    public void ReadMachine_WhenFileIsNotElf_ShouldReturnNull()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, "#!/bin/sh\necho not a binary\n");

            Assert.Null(ElfHeader.ReadMachine(path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void ReadMachine_WhenRealExecutable_ShouldReadThisHostsMachine()
    {
        // The dotnet host is an ELF executable of this machine's CPU.
        var dotnet = Environment.ProcessPath!;
        var expected = System.Runtime.InteropServices.RuntimeInformation.ProcessArchitecture == System.Runtime.InteropServices.Architecture.Arm64
            ? ElfHeader.Aarch64
            : ElfHeader.X86_64;

        Assert.Equal(expected, ElfHeader.ReadMachine(dotnet));
    }
}
