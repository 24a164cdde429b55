// The Microsoft.Extensions.AI image types are [Experimental("MEAI001")]; this file only serves the image generator.
#pragma warning disable MEAI001

using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;

namespace Apiframe;

/// <summary>
/// The images an edit starts from (<c>ImageGenerationRequest.OriginalImages</c>): checked before anything is sent,
/// then turned into the URLs a model's input-image member takes.
/// </summary>
internal sealed class ApiframeImageInputs
{
    // The image types /v2/uploads accepts.
    private static readonly string[] Uploadable = { "image/png", "image/jpeg", "image/webp", "image/gif" };

    private readonly ApiframeClient _client;

    // The DataContent this generator made from result files, with the URL each came from: such an image goes back to
    // the API by that URL instead of being uploaded again. Keyed by the instance (its bytes cannot change), and held
    // no longer than the caller holds the image.
    private readonly ConditionalWeakTable<DataContent, string> _resultUrls = new();

    public ApiframeImageInputs(ApiframeClient client)
    {
        _client = client;
    }

    /// <summary>Remembers that <paramref name="image"/> holds the bytes of the result at <paramref name="url"/>.</summary>
    public void Remember(DataContent image, Uri url) => _resultUrls.AddOrUpdate(image, url.AbsoluteUri);

    /// <summary>
    /// The original images, each an uploadable image as <see cref="DataContent"/> or an absolute http(s) image URL as
    /// <see cref="UriContent"/>; anything else is a <see cref="NotSupportedException"/>.
    /// </summary>
    public static IReadOnlyList<AIContent> Check(IEnumerable<AIContent>? originals)
    {
        var checkedImages = new List<AIContent>();
        if (originals is null)
        {
            return checkedImages;
        }

        foreach (var original in originals)
        {
            var position = checkedImages.Count + 1;
            switch (original)
            {
                case DataContent data when Array.IndexOf(Uploadable, data.MediaType.ToLowerInvariant()) >= 0:
                    if (data.Data.IsEmpty)
                    {
                        throw new NotSupportedException($"Original image {position} is an empty {data.MediaType} DataContent: there is nothing to upload.");
                    }

                    break;
                case DataContent data:
                    throw new NotSupportedException(
                        $"Original image {position} is a {data.MediaType} DataContent; Apiframe takes {string.Join(", ", Uploadable)} as input images.");
                case UriContent uri when !uri.HasTopLevelMediaType("image"):
                    throw new NotSupportedException($"Original image {position} is a {uri.MediaType} UriContent, not an image.");
                case UriContent uri when uri.Uri is not { IsAbsoluteUri: true, Scheme: "http" or "https" }:
                    throw new NotSupportedException($"Original image {position} is not an absolute http or https URL, which is all a model's input-image member takes.");
                case UriContent:
                    break;
                default:
                    throw new NotSupportedException(
                        $"Original image {position} is a {original?.GetType().Name ?? "null"}; the Apiframe image generator takes DataContent (uploaded) or UriContent (sent as it is).");
            }

            checkedImages.Add(original);
        }

        return checkedImages;
    }

    /// <summary>
    /// The URL of each checked original image, in order: a URL as it is, an image this generator made by its result
    /// URL, any other bytes uploaded with <see cref="ApiframeClient.UploadAsync"/>.
    /// </summary>
    public async Task<IReadOnlyList<string>> ResolveAsync(IReadOnlyList<AIContent> originals, CancellationToken cancellationToken)
    {
        var urls = new string[originals.Count];
        for (var i = 0; i < urls.Length; i++)
        {
            switch (originals[i])
            {
                case UriContent uri:
                    urls[i] = uri.Uri.AbsoluteUri;
                    break;
                case DataContent data when _resultUrls.TryGetValue(data, out var url):
                    urls[i] = url;
                    break;
                case DataContent data:
                    urls[i] = await UploadAsync(data, i, cancellationToken).ConfigureAwait(false);
                    break;
            }
        }

        return urls;
    }

    private async Task<string> UploadAsync(DataContent data, int index, CancellationToken cancellationToken)
    {
        var file = ApiframeFile.FromBytes(data.Data, data.Name ?? FileName(index, data.MediaType), data.MediaType);
        var upload = await _client.UploadAsync(file, cancellationToken).ConfigureAwait(false);
        return upload.Url;
    }

    private static string FileName(int index, string mediaType)
    {
        var slash = mediaType.IndexOf('/');
        var extension = mediaType.Substring(slash + 1).ToLowerInvariant() == "jpeg" ? "jpg" : mediaType.Substring(slash + 1).ToLowerInvariant();
        return "original-" + (index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) + "." + extension;
    }
}
