using Storyboard.Core.Models;
using Storyboard.Core.Validation;

namespace Storyboard.Core.Requests;

public static class TextImageRequestValidator
{
    /// <summary>Every rule of the profile's inference limits the request breaks.</summary>
    public static IReadOnlyList<ValidationProblem> Validate(TextImageRequest request, ModelProfile profile, string pathPrefix = "")
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(profile);
        var rules = profile.Inference;
        var problems = new ProblemList();
        string P(string name) => HyperparameterValidator.Join(pathPrefix, name);

        if (string.IsNullOrWhiteSpace(request.Text))
        {
            problems.Add(P("text"), request.Text, "a prompt is required");
        }
        else if (!rules.PromptLength.Contains(request.Text.Length))
        {
            problems.Add(P("text"), Shorten(request.Text), $"length {request.Text.Length} must be {rules.PromptLength} characters");
        }

        if (request.NegativeText is not null && !rules.NegativePromptLength.Contains(request.NegativeText.Length))
        {
            problems.Add(P("negativeText"), Shorten(request.NegativeText), $"length {request.NegativeText.Length} must be {rules.NegativePromptLength} characters (omit it for none)");
        }

        SizeRules.Check(problems, P("width"), P("height"), request.Width, request.Height, rules);

        if (!rules.CfgScale.Contains(request.CfgScale))
        {
            problems.Add(P("cfgScale"), request.CfgScale, $"must be {rules.CfgScale}");
        }

        if (!rules.Seed.Contains(request.Seed))
        {
            problems.Add(P("seed"), request.Seed, $"must be {rules.Seed}");
        }

        if (!rules.NumberOfImages.Contains(request.NumberOfImages))
        {
            problems.Add(P("numberOfImages"), request.NumberOfImages, $"must be {rules.NumberOfImages}");
        }

        return problems.Problems;
    }

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "...";
}
