using System.CommandLine;
using Storyboard.Cli.Commands;
using Storyboard.Cli.Stack;

namespace Storyboard.Cli;

/// <summary>The <c>storyboard</c> command tree; each command lives in its own file under Commands/.</summary>
public static class CliApp
{
    public static RootCommand CreateRootCommand() => CreateRootCommand(StackAccess.Default);

    /// <param name="stackAccess">How the <c>stack</c> commands reach AWS (tests point it at loopback servers).</param>
    internal static RootCommand CreateRootCommand(StackAccess stackAccess)
    {
        var root = new RootCommand("Storyboard: turn an animated video into a character-consistent image model and storyboard panels.");
        root.Subcommands.Add(RunCommand.Create());
        root.Subcommands.Add(ReviewCommand.Create(approve: true));
        root.Subcommands.Add(ReviewCommand.Create(approve: false));
        root.Subcommands.Add(ValidateDatasetCommand.Create());
        root.Subcommands.Add(ExecCommand.Create());
        root.Subcommands.Add(HistoryCommand.Create());
        root.Subcommands.Add(RedriveCommand.Create());
        root.Subcommands.Add(SendTaskSuccessCommand.Create());
        root.Subcommands.Add(SendTaskFailureCommand.Create());
        root.Subcommands.Add(StackCommand.Create(stackAccess));
        return root;
    }
}
