using Amazon.CDK;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.AWS.Logs;
using Constructs;
using Storyboard.Cdk.Layers;
using Storyboard.Cdk.Storage;
using LambdaFunction = Amazon.CDK.AWS.Lambda.Function;

namespace Storyboard.Cdk.Functions;

/// <summary>
/// A workflow step's function with the shared defaults: managed dotnet10 runtime, the ffmpeg layer,
/// X-Ray tracing, its own log group with retention, and a role that holds only the step's
/// <see cref="StepAccess"/> (no managed policies: logging is granted on the function's log group).
/// </summary>
public sealed class WorkflowFunction : Construct
{
    /// <summary>CDK 2.160 has no constant for the dotnet10 managed runtime, so it is named here.</summary>
    public static Runtime DotnetRuntime { get; } = new("dotnet10", RuntimeFamily.DOTNET_CORE);

    public WorkflowFunction(Construct scope, WorkflowStep step, AssetCode code, ILayerVersion ffmpegLayer, StepResources resources)
        : base(scope, step.Name)
    {
        Step = step;
        var settings = resources.Settings;

        var logGroup = new LogGroup(this, "Logs", new LogGroupProps
        {
            Retention = settings.LogRetention,
            RemovalPolicy = RemovalPolicy.DESTROY,
        });

        var role = new Role(this, "Role", new RoleProps
        {
            Description = step.IsTaskState
                ? $"Runs the {step.Name} step of the Storyboard workflow."
                : $"Runs {step.Name} for the Storyboard workflow's status-change events.",
            AssumedBy = new ServicePrincipal("lambda.amazonaws.com"),
        });
        logGroup.GrantWrite(role);
        foreach (var statement in StepPermissions.For(step, resources, Stack.Of(this)))
        {
            role.AddToPrincipalPolicy(statement);
        }

        var environment = new Dictionary<string, string>
        {
            [FunctionEnvironment.Bucket] = resources.Bucket.BucketName,
            [FunctionEnvironment.CollectionId] = resources.CollectionId,
            [FunctionEnvironment.Services] = "aws",
            [FunctionEnvironment.BaseModelId] = settings.BaseModelId,
            [FunctionEnvironment.EmbeddingModelId] = settings.EmbeddingModelId,
            [FunctionEnvironment.CaptionModelId] = settings.CaptionModelId,
            [FunctionEnvironment.FfmpegPath] = FfmpegLayer.FfmpegPath,
            [FunctionEnvironment.FfprobePath] = FfmpegLayer.FfprobePath,
        };
        if (step.Access.HasFlag(StepAccess.SearchCharacterFaces) && settings.CustomLabelsProjectVersionArn is { } customLabels)
        {
            environment[FunctionEnvironment.CustomLabelsProjectVersionArn] = customLabels;
        }

        if (step.Access.HasFlag(StepAccess.IndexCharacterFaces))
        {
            environment[FunctionEnvironment.ManageCollection] = "true";
        }

        if (step.Access.HasFlag(StepAccess.TagFrames))
        {
            environment[FunctionEnvironment.FrameTagHint] = $"{RunLayout.FrameTagKey}={RunLayout.FrameTagValue}";
        }

        if (step.Access.HasFlag(StepAccess.StartCustomization))
        {
            environment[FunctionEnvironment.CustomizationRoleArn] = resources.CustomizationRole.RoleArn;
        }

        Function = new LambdaFunction(this, "Function", new FunctionProps
        {
            Description = step.IsTaskState ? $"Storyboard workflow step {step.Name}" : $"Storyboard {step.Name}: invoked by failed, timed-out and aborted runs",
            Runtime = DotnetRuntime,
            Architecture = settings.Architecture,
            Handler = step.Handler,
            Code = code,
            Layers = [ffmpegLayer],
            MemorySize = step.MemoryMb,
            Timeout = Duration.Seconds(step.TimeoutSeconds),
            EphemeralStorageSize = Size.Mebibytes(step.EphemeralStorageMb),
            Tracing = Tracing.ACTIVE,
            LogGroup = logGroup,
            Role = role,
            Environment = environment,
        });
    }

    public WorkflowStep Step { get; }

    public IFunction Function { get; }
}
