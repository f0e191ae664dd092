namespace Storyboard.Aws.Bedrock.Model;

/// <summary>Progress of a customization job's three phases.</summary>
public sealed record StatusDetails(JobPhaseDetails? ValidationDetails, JobPhaseDetails? DataProcessingDetails, JobPhaseDetails? TrainingDetails);
