namespace Storyboard.Core.Captions;

/// <summary>The caption found in a model's reply, or why none was found.</summary>
public sealed record CaptionExtraction(string? Text, string? Problem)
{
    public bool Succeeded => Text is not null;

    public static CaptionExtraction Found(string text) => new(text, null);

    public static CaptionExtraction Failed(string problem) => new(null, problem);
}
