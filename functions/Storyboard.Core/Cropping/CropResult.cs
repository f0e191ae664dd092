namespace Storyboard.Core.Cropping;

/// <summary>Either a <see cref="CropPlan"/> or a <see cref="CropRejection"/>: small boxes are expected, not exceptional.</summary>
public abstract record CropResult
{
    private protected CropResult() { }

    public bool IsAccepted => this is CropPlan;
}
