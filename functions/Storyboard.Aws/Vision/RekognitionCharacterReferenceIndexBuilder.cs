using System.Collections.Concurrent;
using System.Security.Cryptography;
using Storyboard.Aws.Http;
using Storyboard.Aws.Rekognition;
using Storyboard.Aws.Rekognition.Model;
using Storyboard.Aws.Vision.Internal;
using Storyboard.Core.Imaging;
using Storyboard.Core.Vision;

namespace Storyboard.Aws.Vision;

/// <summary>
/// Makes the face collection hold exactly the current references' faces, then returns the index
/// the detector searches with. Idempotent: each reference's faces carry its content hash in their
/// ExternalImageId, so a reference already indexed is not indexed (or paid for) again, and faces
/// of a character's references that are gone or changed are deleted. Faces of characters not in
/// this build are left alone, so runs with other characters can share the collection.
/// </summary>
public sealed class RekognitionCharacterReferenceIndexBuilder : ICharacterReferenceIndexBuilder
{
    /// <summary>DeleteFaces takes at most this many ids per call.</summary>
    private const int DeleteBatch = 4096;

    private readonly IRekognitionApi _rekognition;
    private readonly RekognitionVisionOptions _options;
    private readonly IReadOnlyList<IImageDecoder> _decoders;

    /// <summary>
    /// References in which IndexFaces found no face, by ExternalImageId: nothing in the collection
    /// records them, so without this every build in this process would pay to look again.
    /// </summary>
    private readonly ConcurrentDictionary<string, string> _faceless = new(StringComparer.Ordinal);

    private long _describe, _create, _list, _index, _delete, _facesIndexed, _facesDeleted;

    /// <param name="extraDecoders">Decoders for non-PNG references, used for their colours (PNG is always read).</param>
    public RekognitionCharacterReferenceIndexBuilder(IRekognitionApi rekognition, RekognitionVisionOptions options, params IImageDecoder[] extraDecoders)
    {
        ArgumentNullException.ThrowIfNull(rekognition);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _rekognition = rekognition;
        _options = options;
        _decoders = [new PngDecoder(), .. extraDecoders ?? []];
    }

    public RekognitionIndexUsage Usage => new(
        Interlocked.Read(ref _describe), Interlocked.Read(ref _create), Interlocked.Read(ref _list), Interlocked.Read(ref _index),
        Interlocked.Read(ref _delete), Interlocked.Read(ref _facesIndexed), Interlocked.Read(ref _facesDeleted));

    public async Task<ICharacterReferenceIndex> BuildAsync(IReadOnlyList<CharacterReferenceImage> references, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(references);
        if (references.Count == 0)
        {
            throw new NoCharacterReferencesException();
        }

        var prepared = new List<PreparedReference>(references.Count);
        foreach (var reference in references.OrderBy(r => r.Character, StringComparer.Ordinal).ThenBy(r => r.FileName, StringComparer.Ordinal))
        {
            prepared.Add(await PrepareAsync(reference, cancellationToken).ConfigureAwait(false));
        }

        var characters = prepared.Select(p => p.Reference.Character).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var ids = prepared.Select(p => p.FaceId).ToHashSet(StringComparer.Ordinal);
        var appearances = prepared.Where(p => p.Appearance is not null)
            .Select(p => new CharacterAppearance(p.Reference.Character, p.Reference.FileName, p.Appearance!)).ToList();

        Dictionary<string, int>? facesByCharacter = null;
        var faceless = new List<PreparedReference>();
        if (_options.ManageCollection)
        {
            await EnsureCollectionAsync(cancellationToken).ConfigureAwait(false);
            facesByCharacter = await SynchroniseAsync(prepared, characters, faceless, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            facesByCharacter = await CountIndexedFacesAsync(characters, ids, cancellationToken).ConfigureAwait(false);
        }

        var index = new RekognitionCharacterReferenceIndex(_options.CollectionId, characters, ids, facesByCharacter, appearances);
        var blind = index.CharactersWithoutFaces.Where(c => (!_options.MatchByAppearance || !appearances.Exists(a => a.Character == c))).ToList();
        if (blind.Count > 0 && _options.CustomLabelsProjectVersionArn is null)
        {
            var details = string.Join("; ", blind.Select(c => $"no face was found in {string.Join(", ", faceless.Where(f => f.Reference.Character == c).Select(f => $"'{f.Reference.FileName}'{Reasons(f.FaceId)}"))}"
                + (_options.MatchByAppearance ? " and none of them could be read for colour matching" : " and colour matching is off")));
            throw new UnrecognizableCharacterException(blind, details + ".");
        }

        return index;
    }

    private string Reasons(string faceId) => _faceless.TryGetValue(faceId, out var reasons) && reasons.Length > 0 ? $" (Rekognition: {reasons})" : string.Empty;

    private async Task<PreparedReference> PrepareAsync(CharacterReferenceImage reference, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(reference.Character))
        {
            throw new InvalidReferenceImageException(reference.Character, reference.FileName, "the character name is empty");
        }

        if (reference.Content.IsEmpty)
        {
            throw new InvalidReferenceImageException(reference.Character, reference.FileName, "the file is empty");
        }

        string faceId;
        try
        {
            faceId = ReferenceFaceIds.Format(reference.Character, Convert.ToHexStringLower(SHA256.HashData(reference.Content.Span)));
        }
        catch (ArgumentException ex)
        {
            throw new InvalidReferenceImageException(reference.Character, reference.FileName, ex.Message, ex);
        }

        var header = reference.Content[..Math.Min(16, reference.Content.Length)];
        var decoder = _decoders.FirstOrDefault(d => d.CanDecode(header.Span));
        if (decoder is null)
        {
            // Rekognition reads JPEG itself; without a decoder here the reference only lacks colours.
            return new PreparedReference(reference, faceId, null, null);
        }

        RgbaImage decoded;
        try
        {
            decoded = await decoder.DecodeAsync(reference.Content, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is InvalidPngException or UnsupportedPngException or InvalidDataException)
        {
            throw new InvalidReferenceImageException(reference.Character, reference.FileName, ex.Message, ex);
        }

        return new PreparedReference(reference, faceId, AppearanceHistogram.FromReference(decoded), decoded);
    }

    private async Task EnsureCollectionAsync(CancellationToken cancellationToken)
    {
        try
        {
            Interlocked.Increment(ref _describe);
            await _rekognition.DescribeCollectionAsync(new DescribeCollectionRequest(_options.CollectionId), cancellationToken).ConfigureAwait(false);
            return;
        }
        catch (AwsServiceException ex) when (ex.ErrorCode == RekognitionErrors.ResourceNotFound)
        {
        }
        catch (AwsServiceException ex) when (RekognitionErrors.Explain(ex, _options.CollectionId) is { } explained)
        {
            throw explained;
        }

        try
        {
            Interlocked.Increment(ref _create);
            await _rekognition.CreateCollectionAsync(new CreateCollectionRequest(_options.CollectionId), cancellationToken).ConfigureAwait(false);
        }
        catch (AwsServiceException ex) when (ex.ErrorCode == RekognitionErrors.ResourceAlreadyExists)
        {
            // Another worker created it between our describe and create: the goal is met.
        }
        catch (AwsServiceException ex) when (RekognitionErrors.Explain(ex, _options.CollectionId) is { } explained)
        {
            throw explained;
        }
    }

    /// <summary>Deletes stale and duplicate faces of this build's characters, indexes what is missing.</summary>
    /// <returns>Faces per character afterwards.</returns>
    private async Task<Dictionary<string, int>> SynchroniseAsync(List<PreparedReference> prepared, List<string> characters, List<PreparedReference> faceless, CancellationToken cancellationToken)
    {
        var mine = characters.ToHashSet(StringComparer.Ordinal);
        var current = prepared.Select(p => p.FaceId).ToHashSet(StringComparer.Ordinal);
        List<Face> existing;
        try
        {
            existing = await ListFacesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (AwsServiceException ex) when (RekognitionErrors.Explain(ex, _options.CollectionId) is { } explained)
        {
            throw explained;
        }

        // Stale: faces of these characters from references that are gone or changed. Duplicate:
        // the same reference indexed twice by concurrent builds; the faces of the first image stay.
        var stale = new List<string>();
        var kept = new Dictionary<string, List<Face>>(StringComparer.Ordinal);
        foreach (var group in existing.Where(f => f.FaceId is not null && ReferenceFaceIds.CharacterOf(f.ExternalImageId) is { } c && mine.Contains(c))
                     .GroupBy(f => f.ExternalImageId!, StringComparer.Ordinal))
        {
            if (!current.Contains(group.Key))
            {
                stale.AddRange(group.Select(f => f.FaceId!));
                continue;
            }

            var firstImage = group.Select(f => f.ImageId ?? string.Empty).Min(StringComparer.Ordinal);
            kept[group.Key] = [.. group.Where(f => (f.ImageId ?? string.Empty) == firstImage)];
            stale.AddRange(group.Where(f => (f.ImageId ?? string.Empty) != firstImage).Select(f => f.FaceId!));
        }

        await DeleteAsync(stale, cancellationToken).ConfigureAwait(false);

        var faces = characters.ToDictionary(c => c, _ => 0, StringComparer.Ordinal);
        foreach (var reference in prepared.DistinctBy(p => p.FaceId))
        {
            var character = reference.Reference.Character;
            if (kept.TryGetValue(reference.FaceId, out var already))
            {
                faces[character] += already.Count;
                continue;
            }

            if (!_faceless.ContainsKey(reference.FaceId))
            {
                faces[character] += await IndexAsync(reference, cancellationToken).ConfigureAwait(false);
            }

            if (_faceless.ContainsKey(reference.FaceId))
            {
                faceless.Add(reference);
            }
        }

        return faces;
    }

    /// <returns>Faces of the current references per character; null when this role may not list faces.</returns>
    private async Task<Dictionary<string, int>?> CountIndexedFacesAsync(List<string> characters, HashSet<string> current, CancellationToken cancellationToken)
    {
        List<Face> existing;
        try
        {
            existing = await ListFacesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (AwsServiceException ex) when (ex.ErrorCode == RekognitionErrors.AccessDenied)
        {
            // Read-only builds run where the role may only search: knowing the counts only saves
            // calls, so without them every frame is searched as if each character had faces.
            return null;
        }
        catch (AwsServiceException ex) when (RekognitionErrors.Explain(ex, _options.CollectionId) is { } explained)
        {
            throw explained;
        }

        var faces = characters.ToDictionary(c => c, _ => 0, StringComparer.Ordinal);
        foreach (var face in existing.Where(f => current.Contains(f.ExternalImageId ?? string.Empty)))
        {
            faces[ReferenceFaceIds.CharacterOf(face.ExternalImageId)!]++;
        }

        return faces;
    }

    private async Task<List<Face>> ListFacesAsync(CancellationToken cancellationToken)
    {
        var faces = new List<Face>();
        string? token = null;
        do
        {
            Interlocked.Increment(ref _list);
            var page = await _rekognition.ListFacesAsync(new ListFacesRequest(_options.CollectionId, token, 1000), cancellationToken).ConfigureAwait(false);
            faces.AddRange(page.Faces ?? []);
            token = string.IsNullOrEmpty(page.NextToken) ? null : page.NextToken;
        }
        while (token is not null);
        return faces;
    }

    private async Task DeleteAsync(List<string> faceIds, CancellationToken cancellationToken)
    {
        foreach (var batch in faceIds.Chunk(DeleteBatch))
        {
            try
            {
                Interlocked.Increment(ref _delete);
                var response = await _rekognition.DeleteFacesAsync(new DeleteFacesRequest(_options.CollectionId, batch), cancellationToken).ConfigureAwait(false);
                Interlocked.Add(ref _facesDeleted, response.DeletedFaces?.Count ?? 0);
            }
            catch (AwsServiceException ex) when (RekognitionErrors.Explain(ex, _options.CollectionId) is { } explained)
            {
                throw explained;
            }
        }
    }

    /// <returns>Faces indexed.</returns>
    private async Task<int> IndexAsync(PreparedReference reference, CancellationToken cancellationToken)
    {
        IndexFacesResponse response;
        try
        {
            Interlocked.Increment(ref _index);
            response = await _rekognition.IndexFacesAsync(
                new IndexFacesRequest(_options.CollectionId, Image.FromBytes(reference.BytesToIndex()), reference.FaceId, [FaceAttributes.Default], MaxFaces: 1, QualityFilter: _options.ReferenceQualityFilter),
                cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidRekognitionImageException ex)
        {
            throw new InvalidReferenceImageException(reference.Reference.Character, reference.Reference.FileName, ex.Message, ex);
        }
        catch (AwsServiceException ex) when (RekognitionErrors.IsBadImage(ex))
        {
            throw new InvalidReferenceImageException(reference.Reference.Character, reference.Reference.FileName, $"Rekognition rejected it ({ex.ErrorCode}: {ex.AwsMessage ?? "no message"}); references must be PNG or JPEG, at least 80x80 pixels and at most 5 MB", ex);
        }
        catch (AwsServiceException ex) when (RekognitionErrors.Explain(ex, _options.CollectionId) is { } explained)
        {
            throw explained;
        }

        var count = response.FaceRecords?.Count ?? 0;
        Interlocked.Add(ref _facesIndexed, count);
        if (count == 0)
        {
            var reasons = (response.UnindexedFaces ?? []).SelectMany(u => u.Reasons ?? []).Distinct(StringComparer.Ordinal);
            _faceless[reference.FaceId] = string.Join(", ", reasons);
        }

        return count;
    }

    /// <param name="Decoded">Null when no decoder here reads the format; Rekognition then gets the file as it is.</param>
    private sealed record PreparedReference(CharacterReferenceImage Reference, string FaceId, AppearanceHistogram? Appearance, RgbaImage? Decoded)
    {
        /// <summary>Encoded only when IndexFaces needs it: most builds find every reference already indexed.</summary>
        public byte[] BytesToIndex() => Decoded is null ? Reference.Content.ToArray() : RekognitionImages.EncodeWithin(RekognitionImages.Flatten(Decoded));
    }
}
