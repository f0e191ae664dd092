namespace Storyboard.Core.Dataset;

/// <param name="RecordCount">Non-blank lines (each meant to be one record).</param>
/// <param name="Violations">Every violation, file-level first, then by line.</param>
public sealed record DatasetValidationReport(int RecordCount, IReadOnlyList<DatasetViolation> Violations)
{
    public bool IsValid => Violations.Count == 0;
}
