using System.Runtime.CompilerServices;
using Storyboard.Aws.Rekognition.Model;

namespace Storyboard.Aws.Rekognition;

/// <summary>Follows NextToken so callers see one sequence (e.g. "is this reference face already indexed?").</summary>
public static class RekognitionPaging
{
    public static async IAsyncEnumerable<Face> ListAllFacesAsync(this IRekognitionApi rekognition, string collectionId, int pageSize = 1000, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rekognition);
        string? token = null;
        do
        {
            var page = await rekognition.ListFacesAsync(new ListFacesRequest(collectionId, token, pageSize), cancellationToken).ConfigureAwait(false);
            foreach (var face in page.Faces ?? [])
            {
                yield return face;
            }

            token = string.IsNullOrEmpty(page.NextToken) ? null : page.NextToken;
        }
        while (token is not null);
    }
}
