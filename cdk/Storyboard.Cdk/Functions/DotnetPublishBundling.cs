using System.ComponentModel;
using System.Diagnostics;
using Amazon.CDK;
using Amazon.JSII.Runtime.Deputy;

namespace Storyboard.Cdk.Functions;

/// <summary>
/// Bundles the functions' code on this machine with <c>dotnet publish</c> (framework-dependent, for the
/// managed dotnet10 runtime). There is no container engine, so this must succeed: failure raises
/// <see cref="FunctionPublishFailedException"/> instead of letting CDK fall back to Docker.
/// </summary>
internal sealed class DotnetPublishBundling : DeputyBase, ILocalBundling
{
    private const int TailLines = 40;
    private readonly string _project;
    private readonly string _runtimeIdentifier;

    public DotnetPublishBundling(string project, string runtimeIdentifier)
    {
        _project = project;
        _runtimeIdentifier = runtimeIdentifier;
    }

    public IReadOnlyList<string> Arguments(string outputDirectory) =>
    [
        "publish", _project,
        "-c", "Release",
        "-r", _runtimeIdentifier,
        "--self-contained", "false",
        "-o", outputDirectory,
        "--nologo",
    ];

    public bool TryBundle(string outputDir, IBundlingOptions options)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in Arguments(outputDir))
        {
            start.ArgumentList.Add(argument);
        }

        var tail = new Queue<string>();
        void Forward(object sender, DataReceivedEventArgs line)
        {
            if (line.Data is null)
            {
                return;
            }

            // The CDK CLI shows the app's stderr; stdout stays clean.
            Console.Error.WriteLine(line.Data);
            lock (tail)
            {
                tail.Enqueue(line.Data);
                if (tail.Count > TailLines)
                {
                    tail.Dequeue();
                }
            }
        }

        Console.Error.WriteLine($"Publishing {Path.GetFileName(_project)} for {_runtimeIdentifier} into {outputDir}");
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new FunctionPublishFailedException("dotnet publish did not start.");
        }
        catch (Win32Exception exception)
        {
            throw new FunctionPublishFailedException($"Cannot run 'dotnet' to publish the functions: {exception.Message}. Install the .NET 10 SDK.", exception);
        }

        using (process)
        {
            process.OutputDataReceived += Forward;
            process.ErrorDataReceived += Forward;
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                string output;
                lock (tail)
                {
                    output = string.Join(System.Environment.NewLine, tail);
                }

                throw new FunctionPublishFailedException(
                    $"dotnet publish {_project} -r {_runtimeIdentifier} failed with exit code {process.ExitCode}:{System.Environment.NewLine}{output}");
            }
        }

        return true;
    }
}
