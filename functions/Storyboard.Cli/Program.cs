using Storyboard.Cli;

return await CliApp.CreateRootCommand().Parse(args).InvokeAsync();
