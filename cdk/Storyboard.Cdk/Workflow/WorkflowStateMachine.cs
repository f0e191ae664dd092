using Amazon.CDK;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.Logs;
using Amazon.CDK.AWS.S3;
using Amazon.CDK.AWS.StepFunctions;
using Constructs;
using Storyboard.Cdk.Functions;
using Storyboard.Cdk.Settings;
using Storyboard.Cdk.Storage;

namespace Storyboard.Cdk.Workflow;

/// <summary>
/// The state machine, defined by the workflow file (never by CDK-chained states) with every
/// <c>${...}</c> filled by DefinitionSubstitutions. A definition loaded from a file hides its resources
/// from CDK, so the role is given explicitly what the file needs: invoking each Task state's function, the
/// Distributed Map's ItemReader and ResultWriter on the run folders, and starting, describing,
/// stopping and redriving its own Map Run child executions.
/// </summary>
public sealed class WorkflowStateMachine : Construct
{
    public WorkflowStateMachine(
        Construct scope,
        string id,
        AslDefinition definition,
        IReadOnlyList<WorkflowFunction> functions,
        IBucket bucket,
        DeploymentSettings settings)
        : base(scope, id)
    {
        var stack = Stack.Of(this);

        // Set explicitly so the role's policies can name the machine's own ARNs without depending on the
        // machine resource (which depends on the role): no circular reference.
        StateMachineName = $"{stack.StackName}-Workflow";

        var substitutions = Substitutions(definition, functions);

        var logGroup = new LogGroup(this, "Logs", new LogGroupProps
        {
            // Step Functions needs the /aws/vendedlogs/ prefix to avoid the resource-policy size limit.
            LogGroupName = $"/aws/vendedlogs/states/{StateMachineName}",
            Retention = settings.LogRetention,
            RemovalPolicy = RemovalPolicy.DESTROY,
        });

        var role = new Role(this, "Role", new RoleProps
        {
            Description = "Runs the Storyboard workflow.",
            AssumedBy = new ServicePrincipal("states.amazonaws.com"),
        });

        // Only the Task states' functions: RecordFailure is invoked by the execution's status-change event, not by the machine.
        var functionArns = functions
            .Where(f => f.Step.IsTaskState)
            .SelectMany(f => new[] { f.Function.FunctionArn, $"{f.Function.FunctionArn}:*" })
            .ToArray();
        role.AddToPrincipalPolicy(Statement("InvokeStepFunctions", ["lambda:InvokeFunction"], functionArns));

        // ItemReader (s3:getObject on the run's segment list) and ResultWriter (multipart writes of the
        // Map Run results under the run prefix). Neither lists the bucket, so no s3:ListBucket.
        role.AddToPrincipalPolicy(Statement("ReadMapItems", ["s3:GetObject"], bucket.ArnForObjects(RunLayout.RunObjects)));
        role.AddToPrincipalPolicy(Statement(
            "WriteMapResults",
            ["s3:PutObject", "s3:GetObject", "s3:ListMultipartUploadParts", "s3:AbortMultipartUpload"],
            bucket.ArnForObjects(RunLayout.RunObjects)));

        var ownArn = stack.FormatArn(new ArnComponents
        {
            Service = "states",
            Resource = "stateMachine",
            ResourceName = StateMachineName,
            ArnFormat = ArnFormat.COLON_RESOURCE_NAME,
        });
        var executions = new List<string> { ExecutionArn(stack, $"{StateMachineName}:*") };
        var mapRunChildren = definition.DistributedMapLabels.Select(label => ExecutionArn(stack, $"{StateMachineName}/{label}:*")).ToArray();
        executions.AddRange(mapRunChildren);

        // Documented in "IAM policies for using Distributed Map states" and "Redriving Map Runs".
        role.AddToPrincipalPolicy(Statement("StartMapRunChildren", ["states:StartExecution"], ownArn));
        role.AddToPrincipalPolicy(Statement("TrackMapRunChildren", ["states:DescribeExecution", "states:StopExecution"], [.. executions]));
        if (mapRunChildren.Length > 0)
        {
            role.AddToPrincipalPolicy(Statement("RedriveMapRunChildren", ["states:RedriveExecution"], mapRunChildren));
        }

        Machine = new StateMachine(this, "StateMachine", new StateMachineProps
        {
            StateMachineName = StateMachineName,
            StateMachineType = StateMachineType.STANDARD,
            DefinitionBody = DefinitionBody.FromFile(definition.Path),
            DefinitionSubstitutions = substitutions,
            Role = role,
            TracingEnabled = true,
            Logs = new LogOptions
            {
                Destination = logGroup,
                Level = LogLevel.ALL,
                IncludeExecutionData = true,
            },
        });
    }

    public string StateMachineName { get; }

    public IStateMachine Machine { get; }

    /// <summary>
    /// Maps every placeholder of the file to a Task state's function ARN, and fails synthesis when the file and
    /// the Task-state functions disagree (a state without a function, or a placeholder nothing fills).
    /// </summary>
    internal static Dictionary<string, string> Substitutions(AslDefinition definition, IReadOnlyList<WorkflowFunction> functions)
    {
        var byPlaceholder = functions.Where(f => f.Step.IsTaskState).ToDictionary(f => f.Step.Placeholder, f => f.Function.FunctionArn, StringComparer.Ordinal);
        var unfilled = definition.Placeholders.Where(p => !byPlaceholder.ContainsKey(p)).Order(StringComparer.Ordinal).ToList();
        if (unfilled.Count > 0)
        {
            throw new InvalidWorkflowDefinitionException(
                $"'{definition.Path}' uses {string.Join(", ", unfilled.Select(p => "${" + p + "}"))}, which no workflow function fills. " +
                "Add the step to WorkflowSteps or fix the placeholder.");
        }

        var unused = byPlaceholder.Keys.Where(p => !definition.Placeholders.Contains(p)).Order(StringComparer.Ordinal).ToList();
        if (unused.Count > 0)
        {
            throw new InvalidWorkflowDefinitionException(
                $"'{definition.Path}' has no {string.Join(", ", unused.Select(p => "${" + p + "}"))}; remove the step from WorkflowSteps or add its Task state.");
        }

        return byPlaceholder;
    }

    private static string ExecutionArn(Stack stack, string resourceName) =>
        stack.FormatArn(new ArnComponents
        {
            Service = "states",
            Resource = "execution",
            ResourceName = resourceName,
            ArnFormat = ArnFormat.COLON_RESOURCE_NAME,
        });

    private static PolicyStatement Statement(string sid, string[] actions, params string[] resources) =>
        new(new PolicyStatementProps { Sid = sid, Actions = actions, Resources = resources });
}
