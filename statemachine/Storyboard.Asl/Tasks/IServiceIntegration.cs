using System.Text.Json.Nodes;

namespace Storyboard.Asl.Tasks;

/// <summary>
/// A local implementation of one AWS service for <c>arn:aws:states:::aws-sdk:&lt;service&gt;:&lt;action&gt;</c>
/// tasks. Parameters arrive PascalCase as written in the definition; throw
/// <see cref="ServiceIntegrationException"/> with the service's error code to fail the task.
/// </summary>
public interface IServiceIntegration
{
    /// <summary>The service's name as Step Functions prefixes errors with it, PascalCase (e.g. "S3", "Bedrock", "AcmPca").</summary>
    string ErrorPrefix { get; }

    Task<JsonNode?> InvokeAsync(string action, JsonNode? parameters, CancellationToken cancellationToken);
}
