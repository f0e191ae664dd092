using System.Text.Json.Nodes;

namespace Storyboard.Cdk.Tests;

/// <summary>
/// No policy in the stack grants every action, a service-wide <c>svc:*</c>, or any action on every
/// resource — except the few actions AWS offers only on <c>*</c>, listed here with the reason.
/// </summary>
[Collection(SynthesizedStackCollection.Name)]
public sealed class IamWildcardTests(SynthesizedStackFixture fixture)
{
    private static readonly HashSet<string> ActionsWithoutResourceLevelPermissions = new(StringComparer.Ordinal)
    {
        // Rekognition image operations act on the image in the request, not on a Rekognition resource.
        "rekognition:DetectFaces",
        "rekognition:DetectLabels",

        // X-Ray trace upload and sampling (Lambda active tracing, state machine tracing) have no resource types.
        "xray:PutTraceSegments",
        "xray:PutTelemetryRecords",
        "xray:GetSamplingRules",
        "xray:GetSamplingTargets",

        // Vended log delivery for state machine logging: CloudWatch Logs documents these only with "*".
        "logs:CreateLogDelivery",
        "logs:GetLogDelivery",
        "logs:UpdateLogDelivery",
        "logs:DeleteLogDelivery",
        "logs:ListLogDeliveries",
        "logs:PutResourcePolicy",
        "logs:DescribeResourcePolicies",
        "logs:DescribeLogGroups",
    };

    private readonly Synthesis _stack = fixture.Synthesis;

    private IEnumerable<(string Owner, JsonObject Statement)> AllowStatements()
    {
        foreach (var (id, policy) in _stack.ResourcesOfType("AWS::IAM::Policy"))
        {
            foreach (var statement in policy["Properties"]!["PolicyDocument"]!["Statement"]!.AsArray())
            {
                yield return (id, statement!.AsObject());
            }
        }

        foreach (var (id, role) in _stack.ResourcesOfType("AWS::IAM::Role"))
        {
            foreach (var inline in Synthesis.AsList(role["Properties"]!["Policies"]))
            {
                foreach (var statement in inline["PolicyDocument"]!["Statement"]!.AsArray())
                {
                    yield return (id, statement!.AsObject());
                }
            }
        }
    }

    [Fact]
    public void Policies_ShouldNotGrantAllActionsOrAWholeService()
    {
        var offenders = AllowStatements()
            .Where(s => (string?)s.Statement["Effect"] == "Allow")
            .SelectMany(s => Synthesis.AsList(s.Statement["Action"]).Select(action => (s.Owner, Action: (string)action!)))
            .Where(s => s.Action == "*" || s.Action.EndsWith(":*", StringComparison.Ordinal))
            .Select(s => $"{s.Owner}: {s.Action}")
            .ToList();

        Assert.True(offenders.Count == 0, "Wildcard actions: " + string.Join("; ", offenders));
    }

    [Fact]
    public void Policies_ShouldGrantAllResourcesOnlyToActionsWithoutResourceLevelPermissions()
    {
        var offenders = AllowStatements()
            .Where(s => (string?)s.Statement["Effect"] == "Allow")
            .Where(s => Synthesis.AsList(s.Statement["Resource"]).Any(resource => resource is JsonValue value && (string?)value == "*"))
            .SelectMany(s => Synthesis.AsList(s.Statement["Action"]).Select(action => (s.Owner, Action: (string)action!)))
            .Where(s => !ActionsWithoutResourceLevelPermissions.Contains(s.Action))
            .Select(s => $"{s.Owner}: {s.Action} on *")
            .ToList();

        Assert.True(offenders.Count == 0, "Actions on every resource: " + string.Join("; ", offenders));
    }

    [Fact]
    public void Roles_ShouldCarryNoManagedPolicies()
    {
        // Managed policies (e.g. AWSLambdaBasicExecutionRole: logs on "*") would escape the checks above.
        var withManaged = _stack.ResourcesOfType("AWS::IAM::Role")
            .Where(role => role.Resource["Properties"]!["ManagedPolicyArns"] is not null)
            .Select(role => role.LogicalId)
            .ToList();

        Assert.Empty(withManaged);
    }

    [Fact]
    public void AllowList_ShouldOnlyNameActionsTheStackUses()
    {
        var used = AllowStatements().SelectMany(s => Synthesis.AsList(s.Statement["Action"]).Select(action => (string)action!)).ToHashSet(StringComparer.Ordinal);

        var unused = ActionsWithoutResourceLevelPermissions.Where(action => !used.Contains(action)).ToList();

        Assert.True(unused.Count == 0, "Allow-listed but unused: " + string.Join(", ", unused));
    }
}
