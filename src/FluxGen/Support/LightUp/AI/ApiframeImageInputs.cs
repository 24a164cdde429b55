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
    /// <summary>
    /// How long a result URL is sent back as it is. Result files are purged a day after their job by default (the
    /// job's <c>expired</c>); after an hour an image costs an upload instead, so no edit starts from a purged file.
    /// </summary>
    internal static readonly TimeSpan ResultUrlReuse = TimeSpan.FromHours(1);

    private readonly ApiframeClient _client;

    // The DataContent this generator made from result files, with the URL each came from and when: such an image goes
    // back to the API by that URL instead of being uploaded again. Keyed by the instance (its bytes cannot change),
    // and held no longer than the caller holds the image.
    private readonly ConditionalWeakTable<DataContent, KnownResult> _results = new();

    public ApiframeImageInputs(ApiframeClient client)
    {
        _client = client;
    }

    /// <summary>Remembers that <paramref name="image"/> holds the bytes of the result at <paramref name="url"/>.</summary>
    public void Remember(DataContent image, Uri url) => _results.AddOrUpdate(image, new KnownResult(url.AbsoluteUri, _client.UtcNow));

    /// <summary>
    /// The original images, each image bytes the uploads take (as <see cref="DataContent"/>, made into the file to
    /// upload, so its type and size are judged now) or an absolute http(s) image URL (as <see cref="UriContent"/>);
    /// anything else is a <see cref="NotSupportedException"/>.
    /// </summary>
    public static IReadOnlyList<Original> Check(IEnumerable<AIContent>? originals)
    {
        var checkedImages = new List<Original>();
        if (originals is null)
        {
            return checkedImages;
        }

        foreach (var original in originals)
        {
            var position = checkedImages.Count + 1;
            checkedImages.Add(original switch
            {
                DataContent data => new Original(null, data, FileOf(data, position)),
                UriContent uri when !uri.HasTopLevelMediaType("image") =>
                    throw new NotSupportedException($"Original image {position} is a {uri.MediaType} UriContent, not an image."),
                UriContent uri when uri.Uri is not { IsAbsoluteUri: true, Scheme: "http" or "https" } =>
                    throw new NotSupportedException($"Original image {position} is not an absolute http or https URL, which is all a model's input-image member takes."),
                UriContent uri => new Original(uri.Uri.AbsoluteUri, null, null),
                _ => throw new NotSupportedException(
                    $"Original image {position} is a {original?.GetType().Name ?? "null"}; the Apiframe image generator takes DataContent (uploaded) or UriContent (sent as it is)."),
            });
        }

        return checkedImages;
    }

    /// <summary>
    /// The URL of each checked original image, in order: a URL as it is, an image this generator made by its result
    /// URL (within <see cref="ResultUrlReuse"/>), any other bytes uploaded with <see cref="ApiframeClient.UploadAsync"/>.
    /// </summary>
    public async Task<IReadOnlyList<string>> ResolveAsync(IReadOnlyList<Original> originals, CancellationToken cancellationToken)
    {
        var urls = new string[originals.Count];
        for (var i = 0; i < urls.Length; i++)
        {
            var original = originals[i];
            if (original.Url is { } url)
            {
                urls[i] = url;
            }
            else if (_results.TryGetValue(original.Data!, out var known) && _client.UtcNow - known.MadeAt < ResultUrlReuse)
            {
                urls[i] = known.Url;
            }
            else
            {
                var upload = await _client.UploadAsync(original.File!, cancellationToken).ConfigureAwait(false);
                urls[i] = upload.Url;
            }
        }

        return urls;
    }

    // The upload's own checks (a type /v2/uploads takes, within its size limit) decide, before anything is sent.
    private static ApiframeFile FileOf(DataContent data, int position)
    {
        ApiframeFile file;
        try
        {
            file = ApiframeFile.FromBytes(data.Data, data.Name ?? "original-" + position.ToString(System.Globalization.CultureInfo.InvariantCulture), data.MediaType);
        }
        catch (ArgumentException ex)
        {
            throw new NotSupportedException($"Original image {position} cannot be uploaded: {ex.Message}", ex);
        }

        if (file.Kind != "image" || data.Data.IsEmpty)
        {
            throw new NotSupportedException($"Original image {position} is {(data.Data.IsEmpty ? "an empty" : "a")} {data.MediaType} DataContent, not an image to upload.");
        }

        return file;
    }

    private sealed record KnownResult(string Url, DateTimeOffset MadeAt);

    /// <summary>One checked original image: its URL, or its bytes and the file they are uploaded as.</summary>
    public readonly record struct Original(string? Url, DataContent? Data, ApiframeFile? File);
}
