namespace Storyboard.Local.Customization.Internal;

/// <param name="Check">1 for the first status check, and so on; 0 for the create call.</param>
internal sealed record DryRunStatusEntry(int Check, string Status);
