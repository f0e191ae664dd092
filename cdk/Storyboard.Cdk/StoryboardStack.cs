using Amazon.CDK;
using Amazon.CDK.AWS.Rekognition;
using Constructs;
using Storyboard.Cdk.Functions;
using Storyboard.Cdk.Layers;
using Storyboard.Cdk.Models;
using Storyboard.Cdk.Observability;
using Storyboard.Cdk.Settings;
using Storyboard.Cdk.Storage;
using Storyboard.Cdk.Trigger;
using Storyboard.Cdk.Workflow;

namespace Storyboard.Cdk;

/// <summary>
/// The whole deployment: bucket, upload trigger, one function per Task state of the workflow file,
/// the state machine, the failed-run recorder its status-change events invoke, the Rekognition collection, the Bedrock customization role, alarms and a dashboard.
/// </summary>
public sealed class StoryboardStack : Stack
{
    public StoryboardStack(Construct scope, string id, RepositoryLayout repository, IStackProps? props = null)
        : base(scope, id, props)
    {
        Settings = DeploymentSettingsReader.Read(Node, repository);
        var definition = AslDefinition.Load(repository.WorkflowDefinition);
        WarnOutsideNovaCanvasRegion();

        var bucket = new RunBucket(this, "Runs", Settings).Bucket;

        var collectionId = $"{StackName}-characters";
        var collection = new CfnCollection(this, "Characters", new CfnCollectionProps { CollectionId = collectionId });

        var customizationRole = new ModelCustomizationRole(this, "ModelCustomization", bucket).Role;
        var topic = Monitoring.CreateTopic(this, "Notifications", Settings.AlarmEmail);

        var ffmpeg = new FfmpegLayer(this, "Ffmpeg", Settings, WorkflowFunction.DotnetRuntime);
        var code = FunctionCode.Create(repository, Settings);
        var resources = new StepResources(bucket, collectionId, collection.AttrArn, customizationRole, Settings);

        var steps = new Construct(this, "Steps");
        Functions = WorkflowSteps.All.Select(step => new WorkflowFunction(steps, step, code, ffmpeg.Layer, resources)).ToList();

        Workflow = new WorkflowStateMachine(this, "Workflow", definition, Functions, bucket, Settings);
        var trigger = new UploadTrigger(this, "Upload", bucket, Workflow.Machine);
        var recorder = Functions.Single(function => function.Step.Invocation == StepInvocation.StatusChangeEvent);
        var failedRuns = new FailedRunTrigger(this, "FailedRun", Workflow.Machine, recorder);
        _ = new ReviewNotification(this, "ReviewNotification", bucket, topic);

        var monitoring = new Monitoring(this, "Monitoring", topic, $"{StackName}-Storyboard");
        monitoring.Watch(Workflow.Machine, Functions, trigger.DeadLetters, failedRuns.DeadLetters);

        AddOutputs(bucket.BucketName, monitoring.DashboardName, collectionId, customizationRole.RoleArn);
    }

    public DeploymentSettings Settings { get; }

    public IReadOnlyList<WorkflowFunction> Functions { get; }

    public WorkflowStateMachine Workflow { get; }

    private void AddOutputs(string bucketName, string dashboardName, string collectionId, string customizationRoleArn)
    {
        var region = Region;
        var stateMachineArn = Workflow.Machine.StateMachineArn;
        Output("BucketName", bucketName, "Bucket for uploads, character references and run folders.");
        Output("UploadPrefix", RunLayout.UploadsPrefix, "Upload a video here to start a run: aws s3 cp clip.mp4 s3://<bucket>/uploads/");
        Output("CharactersPrefix", RunLayout.CharactersPrefix, "Reference images: characters/<Name>/<image>.png|jpg");
        Output("StateMachineArn", stateMachineArn, "The Storyboard workflow.");
        Output("CollectionId", collectionId, "Rekognition collection of the character reference faces.");
        Output("CustomizationRoleArn", customizationRoleArn, "Role Bedrock assumes to fine-tune from this bucket (storyboard run --services aws --role-arn).");
        Output(
            "ExecutionsConsoleUrl",
            $"https://{region}.console.aws.amazon.com/states/home?region={region}#/statemachines/view/{stateMachineArn}",
            "Step Functions console: the list of runs.");
        Output(
            "BucketConsoleUrl",
            $"https://s3.console.aws.amazon.com/s3/buckets/{bucketName}?region={region}",
            "S3 console: uploads and run folders.");
        Output(
            "DashboardUrl",
            $"https://{region}.console.aws.amazon.com/cloudwatch/home?region={region}#dashboards:name={dashboardName}",
            "CloudWatch dashboard.");
    }

    private void Output(string id, string value, string description) =>
        _ = new CfnOutput(this, id, new CfnOutputProps { Value = value, Description = description });

    // Nova Canvas fine-tuning is offered in us-east-1 only; a concrete other region gets a warning, not an error,
    // because a dataset-only deployment works anywhere the other services do.
    private void WarnOutsideNovaCanvasRegion()
    {
        if (!Token.IsUnresolved(Region) && Region != "us-east-1" && Settings.BaseModelId.StartsWith("amazon.nova-canvas", StringComparison.Ordinal))
        {
            Annotations.Of(this).AddWarning(
                $"{Settings.BaseModelId} fine-tuning is available in us-east-1 only; this stack deploys to {Region}. Runs can still build datasets (dataset-only).");
        }
    }
}
