using Amazon.CDK;
using Storyboard.Cdk;
using Storyboard.Cdk.Settings;

try
{
    var app = new App();
    var repository = RepositoryLayout.Find(Directory.GetCurrentDirectory());
    _ = new StoryboardStack(app, "Storyboard", repository, new StackProps
    {
        Description = "Storyboard: video to character-consistent image model and storyboard panels.",
        Env = new Amazon.CDK.Environment
        {
            Account = System.Environment.GetEnvironmentVariable("CDK_DEFAULT_ACCOUNT"),
            Region = System.Environment.GetEnvironmentVariable("CDK_DEFAULT_REGION"),
        },
    });
    app.Synth();
    return 0;
}
catch (CdkAppException exception)
{
    await Console.Error.WriteLineAsync($"error: {exception.Message}");
    return 1;
}
