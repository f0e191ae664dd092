using Storyboard.Aws.Http;
using Storyboard.Aws.Rekognition;
using Storyboard.Aws.Rekognition.Model;
using Storyboard.Aws.Vision.Internal;
using Storyboard.Core.Imaging;
using Storyboard.Core.Vision;

namespace Storyboard.Aws.Vision;

/// <summary>
/// Names the indexed characters in a frame with Amazon Rekognition. Faces: DetectFaces, then one
/// SearchFacesByImage per face, each on the face cut out of the frame (the search only looks at the
/// largest face of its image); a matched face takes the box of the person or candidate label
/// instance (DetectLabels) that contains it. Label instances with no matched face are named by
/// their colours against the references, when one character clearly fits best. With a Custom
/// Labels model configured, DetectCustomLabels names the boxes instead. Stateless apart from its
/// call counters, so one instance can serve concurrent frames.
/// </summary>
public sealed class RekognitionCharacterDetector : ICharacterDetector
{
    public const string ServiceName = "aws:rekognition";

    /// <summary>A face must lie this much inside a label instance to belong to it.</summary>
    private const double FaceInInstance = 0.7;

    /// <summary>Instances of different labels overlapping this much are one object ("Person" and "Man").</summary>
    private const double SameObject = 0.6;

    private readonly IRekognitionApi _rekognition;
    private readonly RekognitionVisionOptions _options;
    private long _frames, _labels, _faces, _searches, _custom;

    public RekognitionCharacterDetector(IRekognitionApi rekognition, RekognitionVisionOptions options)
    {
        ArgumentNullException.ThrowIfNull(rekognition);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _rekognition = rekognition;
        _options = options;
    }

    public string Service => ServiceName;

    /// <summary>Paid calls so far; log it, or divide by frames for the per-frame cost.</summary>
    public RekognitionDetectorUsage Usage => new(
        Interlocked.Read(ref _frames), Interlocked.Read(ref _labels), Interlocked.Read(ref _faces), Interlocked.Read(ref _searches), Interlocked.Read(ref _custom));

    public async Task<IReadOnlyList<CharacterDetection>> DetectAsync(RgbImage frame, ICharacterReferenceIndex index, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(frame);
        if (index is not RekognitionCharacterReferenceIndex aws)
        {
            throw new ArgumentException($"{ServiceName} needs an index built by {nameof(RekognitionCharacterReferenceIndexBuilder)}, not {index?.GetType().Name ?? "null"}.", nameof(index));
        }

        Interlocked.Increment(ref _frames);
        try
        {
            var found = _options.CustomLabelsProjectVersionArn is { } arn
                ? await DetectWithCustomLabelsAsync(frame, aws, arn, cancellationToken).ConfigureAwait(false)
                : await DetectWithFacesAndLabelsAsync(frame, aws, cancellationToken).ConfigureAwait(false);
            return [.. found
                .Select(d => d with { Box = d.Box.ClampToFrame(), Confidence = Math.Round(Math.Clamp(d.Confidence, 0, 1), 4) })
                .Where(d => d.Box.Width > 0 && d.Box.Height > 0)
                .OrderByDescending(d => d.Confidence)
                .ThenBy(d => d.Character, StringComparer.Ordinal)];
        }
        catch (AwsServiceException ex) when (RekognitionErrors.Explain(ex, aws.CollectionId, _options.CustomLabelsProjectVersionArn) is { } explained)
        {
            throw explained;
        }
    }

    private async Task<List<CharacterDetection>> DetectWithCustomLabelsAsync(RgbImage frame, RekognitionCharacterReferenceIndex index, string arn, CancellationToken cancellationToken)
    {
        var bytes = RekognitionImages.EncodeWithin(frame, RekognitionClient.MaxCustomLabelsImageBytes);
        Interlocked.Increment(ref _custom);
        var response = await _rekognition.DetectCustomLabelsAsync(
            new DetectCustomLabelsRequest(arn, Image.FromBytes(bytes), MinConfidence: _options.CustomLabelsMinConfidence), cancellationToken).ConfigureAwait(false);
        var characters = index.Characters.ToHashSet(StringComparer.Ordinal);
        var found = new List<CharacterDetection>();
        foreach (var label in response.CustomLabels ?? [])
        {
            // Labels without a box classify the whole image; the model may know labels that are not this run's characters.
            if (label.Name is not { } name || !characters.Contains(name) || ToRelative(label.Geometry?.BoundingBox) is not { } box)
            {
                continue;
            }

            found.Add(new CharacterDetection(name, box, (label.Confidence ?? 0) / 100, ServiceName));
        }

        return KeepBestPerObject(found);
    }

    private async Task<List<CharacterDetection>> DetectWithFacesAndLabelsAsync(RgbImage frame, RekognitionCharacterReferenceIndex index, CancellationToken cancellationToken)
    {
        var byAppearance = _options.MatchByAppearance && index.Appearances.Count > 0;
        if (!index.MayHaveFaces && !byAppearance)
        {
            return [];
        }

        var image = Image.FromBytes(RekognitionImages.EncodeWithin(frame));
        var facesTask = index.MayHaveFaces ? DetectFacesAsync(image, cancellationToken) : Task.FromResult(new List<RelativeBox>());

        // Labels are needed for the boxes of matched faces and for appearance matching. When only
        // faces can name a character, they wait until a face has matched, so frames without a
        // known face cost one call (DetectFaces) plus one per face searched.
        Task<List<Instance>>? labelsTask = byAppearance ? DetectInstancesAsync(image, cancellationToken) : null;
        if (labelsTask is not null)
        {
            await Task.WhenAll(facesTask, labelsTask).ConfigureAwait(false);
        }

        var faces = await facesTask.ConfigureAwait(false);
        var (matched, unmatched) = await SearchFacesAsync(frame, faces, index, cancellationToken).ConfigureAwait(false);
        if (labelsTask is null && matched.Count == 0)
        {
            return [];
        }

        var instances = await (labelsTask ?? DetectInstancesAsync(image, cancellationToken)).ConfigureAwait(false);
        var found = new List<CharacterDetection>();
        var claimed = new HashSet<Instance>();
        foreach (var (face, character, similarity) in matched)
        {
            var owner = instances
                .Where(i => !claimed.Contains(i) && Containment(face, i.Box) >= FaceInInstance)
                .OrderBy(i => i.Box.Width * i.Box.Height)
                .FirstOrDefault();
            if (owner is not null)
            {
                claimed.Add(owner);
            }

            found.Add(new CharacterDetection(character, owner?.Box ?? BodyFromFace(face), similarity / 100, ServiceName));
        }

        found = KeepBestPerObject(found);
        if (byAppearance)
        {
            var named = found.Select(d => d.Character).ToHashSet(StringComparer.Ordinal);
            found.AddRange(NameByAppearance(frame, instances.Where(i => !claimed.Contains(i)), unmatched, index, named));
        }

        return found;
    }

    private async Task<List<RelativeBox>> DetectFacesAsync(Image image, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _faces);
        var response = await _rekognition.DetectFacesAsync(new DetectFacesRequest(image, [FaceAttributes.Default]), cancellationToken).ConfigureAwait(false);
        return [.. (response.FaceDetails ?? [])
            .Where(f => (f.Confidence ?? 0) >= _options.MinFaceConfidence)
            .Select(f => ToRelative(f.BoundingBox))
            .OfType<RelativeBox>()
            .OrderByDescending(b => b.Width * b.Height)
            .Take(_options.MaxFacesPerFrame)];
    }

    private async Task<List<Instance>> DetectInstancesAsync(Image image, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _labels);
        var response = await _rekognition.DetectLabelsAsync(
            new DetectLabelsRequest(image, MinConfidence: _options.MinLabelConfidence, Features: [DetectLabelsFeatures.GeneralLabels]), cancellationToken).ConfigureAwait(false);
        var wanted = _options.CandidateLabels.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var instances = new List<Instance>();
        foreach (var label in response.Labels ?? [])
        {
            var names = new[] { label.Name }.Concat((label.Parents ?? []).Select(p => p.Name)).Concat((label.Aliases ?? []).Select(a => a.Name));
            if (!names.Any(n => n is not null && wanted.Contains(n)))
            {
                continue;
            }

            foreach (var instance in label.Instances ?? [])
            {
                if (ToRelative(instance.BoundingBox) is { } box)
                {
                    instances.Add(new Instance(label.Name ?? "?", box, instance.Confidence ?? label.Confidence ?? 0));
                }
            }
        }

        // One object often carries several labels ("Person", "Man", "Adult"): keep its most confident box.
        var kept = new List<Instance>();
        foreach (var instance in instances.OrderByDescending(i => i.Confidence))
        {
            if (kept.TrueForAll(k => k.Box.IntersectionOverUnion(instance.Box) < SameObject))
            {
                kept.Add(instance);
            }
        }

        return kept;
    }

    /// <summary>One search per face, each on its own crop.</summary>
    /// <returns>Faces that matched a current reference, best first; and faces that were searched and matched none.</returns>
    private async Task<(List<(RelativeBox Face, string Character, double Similarity)> Matched, List<RelativeBox> Unmatched)> SearchFacesAsync(
        RgbImage frame, List<RelativeBox> faces, RekognitionCharacterReferenceIndex index, CancellationToken cancellationToken)
    {
        var matches = new List<(RelativeBox Face, string Character, double Similarity)>();
        var unmatched = new List<RelativeBox>();
        foreach (var face in faces)
        {
            if (FaceCrop.For(face, frame.Width, frame.Height, _options.FaceCropMargin) is not { } crop)
            {
                continue;
            }

            SearchFacesByImageResponse response;
            try
            {
                Interlocked.Increment(ref _searches);
                response = await _rekognition.SearchFacesByImageAsync(
                    new SearchFacesByImageRequest(
                        index.CollectionId,
                        Image.FromBytes(RekognitionImages.EncodeWithin(RekognitionImages.Crop(frame, crop))),
                        _options.MaxMatchesPerFace,
                        _options.FaceMatchThreshold),
                    cancellationToken).ConfigureAwait(false);
            }
            catch (AwsServiceException ex) when (ex.ErrorCode == RekognitionErrors.InvalidParameter)
            {
                continue; // the search's own face detector saw no face in the crop: nothing to name
            }

            // The search used the largest face in the crop; it must be the face we cut out.
            var searched = ToRelative(response.SearchedFaceBoundingBox);
            var target = FaceCrop.FaceWithin(face, crop, frame.Width, frame.Height);
            if (searched is not null && !Contains(target, searched.Left + (searched.Width / 2), searched.Top + (searched.Height / 2)))
            {
                continue;
            }

            var best = (response.FaceMatches ?? [])
                .Where(m => m.Face?.ExternalImageId is { } id && index.ReferenceFaceIds.Contains(id) && (m.Similarity ?? 0) >= _options.FaceMatchThreshold)
                .OrderByDescending(m => m.Similarity)
                .FirstOrDefault();
            if (best is not null && ReferenceFaceIds.CharacterOf(best.Face!.ExternalImageId) is { } character)
            {
                matches.Add((face, character, best.Similarity ?? 0));
            }
            else
            {
                unmatched.Add(face);
            }
        }

        return ([.. matches.OrderByDescending(m => m.Similarity)], unmatched);
    }

    /// <summary>
    /// Each unclaimed instance is compared with every character's references (best reference
    /// counts); it is named when its best character reaches the threshold and leads the runner-up
    /// by the margin. A character appears once per frame: one already found by its face is not
    /// given to another instance, and of two instances that fit the same character the closer wins.
    /// An instance whose face was searched and matched nobody is not one of the characters whose
    /// faces are indexed (the search would have found them), so only characters with no indexed
    /// face remain candidates for it (all of them when the index could not count faces).
    /// </summary>
    private IEnumerable<CharacterDetection> NameByAppearance(RgbImage frame, IEnumerable<Instance> instances, List<RelativeBox> unmatchedFaces, RekognitionCharacterReferenceIndex index, HashSet<string> named)
    {
        var proposals = new List<(Instance Instance, string Character, double Score)>();
        foreach (var instance in instances)
        {
            if (PixelBox.FromRelative(instance.Box, frame.Width, frame.Height) is not { } pixels || AppearanceHistogram.FromRegion(frame, pixels) is not { } histogram)
            {
                continue;
            }

            var hasStrangerFace = unmatchedFaces.Exists(f => Containment(f, instance.Box) >= FaceInInstance);
            var ranked = index.Appearances
                .Where(a => !hasStrangerFace || index.FacesByCharacter is null || index.FacesByCharacter.GetValueOrDefault(a.Character) == 0)
                .GroupBy(a => a.Character, StringComparer.Ordinal)
                .Select(g => (Character: g.Key, Score: g.Max(a => a.Histogram.Similarity(histogram))))
                .OrderByDescending(x => x.Score)
                .ToList();
            if (ranked.Count == 0)
            {
                continue;
            }

            var runnerUp = ranked.Count > 1 ? ranked[1].Score : 0;
            if (ranked[0].Score >= _options.MinAppearanceSimilarity && ranked[0].Score - runnerUp >= _options.AppearanceMargin)
            {
                proposals.Add((instance, ranked[0].Character, ranked[0].Score));
            }
        }

        foreach (var (instance, character, score) in proposals.OrderByDescending(p => p.Score))
        {
            if (named.Add(character))
            {
                yield return new CharacterDetection(character, instance.Box, score * instance.Confidence / 100, ServiceName);
            }
        }
    }

    /// <summary>The same character twice on one object (two faces on one body, overlapping custom-label boxes) is reported once.</summary>
    private static List<CharacterDetection> KeepBestPerObject(List<CharacterDetection> detections)
    {
        var kept = new List<CharacterDetection>();
        foreach (var d in detections.OrderByDescending(d => d.Confidence))
        {
            if (kept.TrueForAll(k => k.Character != d.Character || k.Box.IntersectionOverUnion(d.Box) < 0.5))
            {
                kept.Add(d);
            }
        }

        return kept;
    }

    /// <summary>
    /// Where the body of a face with no containing instance probably is: 2.5 face widths wide and
    /// 4 face heights tall, starting just above the face. Drawn characters have large heads, so
    /// this errs towards the short, wide figures of animation; the crop step pads it anyway.
    /// </summary>
    internal static RelativeBox BodyFromFace(RelativeBox face) =>
        new(face.Left - (0.75 * face.Width), face.Top - (0.25 * face.Height), 2.5 * face.Width, 4 * face.Height);

    private static double Containment(RelativeBox inner, RelativeBox outer)
    {
        var iw = Math.Min(inner.Right, outer.Right) - Math.Max(inner.Left, outer.Left);
        var ih = Math.Min(inner.Bottom, outer.Bottom) - Math.Max(inner.Top, outer.Top);
        return iw <= 0 || ih <= 0 || inner.Width <= 0 || inner.Height <= 0 ? 0 : iw * ih / (inner.Width * inner.Height);
    }

    private static bool Contains(RelativeBox box, double x, double y) => x >= box.Left && x <= box.Right && y >= box.Top && y <= box.Bottom;

    private static RelativeBox? ToRelative(BoundingBox? box) =>
        box is { Left: { } l, Top: { } t, Width: { } w, Height: { } h } && w > 0 && h > 0 ? new RelativeBox(l, t, w, h) : null;

    private sealed record Instance(string Label, RelativeBox Box, double Confidence);
}
