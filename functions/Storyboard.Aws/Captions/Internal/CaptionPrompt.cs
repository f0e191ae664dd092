using System.Globalization;
using System.Text;
using Storyboard.Core.Captions;

namespace Storyboard.Aws.Captions.Internal;

/// <summary>
/// The instruction sent with every crop. The caption becomes the prompt the fine-tuned model
/// learns from, so the rules that matter are: the character's name, spelled exactly, is the only
/// handle on the character (describing its usual look would teach the model to need the
/// description); everything else — shot, placement, action, setting, light — is what varies
/// between crops and is what a storyboard prompt will later ask for.
/// </summary>
internal static class CaptionPrompt
{
    public const string System =
        "You write training captions for a text-to-image model that is being fine-tuned on named cartoon characters. " +
        "You look at one image and answer with exactly one JSON object of the form {\"alt_text\": \"...\"} and nothing else: no prose, no code fence.";

    /// <summary>Ways to open the caption; one per crop and attempt, so captions across a dataset do not all read alike.</summary>
    public static readonly string[] Openings =
    [
        "Open the caption with the kind of shot (for example \"A close-up of ...\" or \"A wide shot of ...\").",
        "Open the caption with a character's name and what they are doing.",
        "Open the caption with the setting, then bring in the characters.",
        "Open the caption with the light or the time of day, then the characters.",
        "Open the caption with the camera angle and framing.",
    ];

    /// <summary>Left/centre/right thresholds on the box centre, as in the offline template captioner.</summary>
    private const double LeftOf = 0.38;
    private const double RightOf = 0.62;

    public static string For(CaptionRequest request, IReadOnlyList<string> avoidWords, int opening)
    {
        var subjects = request.Subjects.OrderBy(s => s.BoxInFrame.Left + (s.BoxInFrame.Width / 2)).ThenBy(s => s.Character, StringComparer.Ordinal).ToList();
        var text = new StringBuilder(1024);
        text.Append("Write one training caption for this image, a crop of a frame from an animated video.\n\n");
        text.Append(subjects.Count == 1 ? "The character in this image" : "The characters in this image")
            .Append(" (write each name exactly as given, with the same spelling and capitals):\n");
        foreach (var subject in subjects)
        {
            var box = subject.BoxInFrame;
            var centre = box.Left + (box.Width / 2);
            var side = centre < LeftOf ? "on the left" : centre > RightOf ? "on the right" : "in the centre";
            text.Append(CultureInfo.InvariantCulture, $"- {subject.Character}: stands {side} of the source frame, about {Math.Round(Math.Clamp(box.Height, 0, 1) * 100):0}% of the frame's height.");
            if (!string.IsNullOrWhiteSpace(subject.Description))
            {
                text.Append(" To tell who is who (do not repeat this in the caption): ").Append(subject.Description.Trim());
                if (!subject.Description.TrimEnd().EndsWith('.'))
                {
                    text.Append('.');
                }
            }

            text.Append('\n');
        }

        if (subjects.Count > 1)
        {
            text.Append("From left to right: ").Append(string.Join(", ", subjects.Select(s => s.Character))).Append(".\n");
        }

        text.Append("\nRules:\n");
        text.Append("1. Use the character names only. Do not describe the characters' standard traits (species, colours, markings, clothing, body shape): the model learns those from the pixels, and the name must carry them.\n");
        text.Append(subjects.Count == 1
            ? "2. Name this character and no other character.\n"
            : "2. Name every one of these characters and no other character.\n");
        text.Append("3. Describe what this picture shows: the shot (close-up, medium or wide; camera angle), where each character is in the picture, what each is doing (pose, action, expression, gaze), the setting and background, and the light (time of day, direction, mood).\n");
        text.Append("4. Describe what is there, in positive words");
        if (avoidWords.Count > 0)
        {
            text.Append("; the caption must not contain the words ").Append(string.Join(", ", avoidWords.Select(w => "\"" + w + "\"")))
                .Append(", because image models read negation as its opposite");
        }

        text.Append(".\n");
        text.Append(CultureInfo.InvariantCulture, $"5. At most {request.MaxLength} characters: one or two plain sentences. ").Append(Openings[opening % Openings.Length]).Append('\n');
        if (!string.IsNullOrWhiteSpace(request.Style))
        {
            text.Append("6. Caption style: ").Append(request.Style.Trim()).Append('\n');
        }

        if (request.Attempt > 1)
        {
            text.Append("\nA previous answer for this image could not be used. Follow the rules and the answer format exactly.\n");
        }

        text.Append("\nAnswer with exactly one JSON object and nothing else: {\"").Append(CaptionExtractor.Key).Append("\": \"<the caption>\"}");
        return text.ToString();
    }
}
