using System.CommandLine;

var root = new RootCommand("Storyboard: turn an animated video into a character-consistent image model and storyboard panels.");
return await root.Parse(args).InvokeAsync();
