// The Microsoft.Extensions.AI image types are [Experimental("MEAI001")]. This file implements them and nothing else,
// so the diagnostic is acknowledged here, and a consumer that treats warnings as errors still compiles it.
#pragma warning disable MEAI001

using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;

namespace Apiframe;

/// <summary>
/// An <see cref="ApiframeClient"/> as a Microsoft.Extensions.AI <see cref="IImageGenerator"/>; made by
/// <see cref="ApiframeClient.AsIImageGenerator"/>. Each call submits one job and waits for it.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item><c>ModelId</c>: any text-to-image model of the project's schemas, whether or not its types are written.</item>
/// <item><c>ImageSize</c>: width and height where the model takes pixels (fitted to its bounds), otherwise its nearest documented aspect ratio.</item>
/// <item><c>MediaType</c>: the model's <c>output_format</c> (<c>image/png</c>, <c>image/jpeg</c>, <c>image/webp</c>).</item>
/// <item><c>Count</c>: the model's image count member; a model that makes one image per job throws <see cref="NotSupportedException"/>.</item>
/// <item><c>ResponseFormat</c>: <c>Uri</c> (the default) gives <see cref="UriContent"/>; <c>Data</c> downloads each file, up to
/// <see cref="ApiframeClientOptions.MaxResponseBodyBytes"/>, into <see cref="DataContent"/>.</item>
/// <item><c>RawRepresentationFactory</c>: return a generated request (an <see cref="IApiframeRequest"/>) to send it as it is,
/// validated first; the options above are then not applied.</item>
/// </list>
/// The response's <see cref="ImageGenerationResponse.RawRepresentation"/> is the <see cref="ApiframeJob"/>, and its
/// credits are in <see cref="ImageGenerationResponse.Usage"/> under <see cref="CreditsUsageKey"/>.
/// </remarks>
public sealed class ApiframeImageGenerator : IImageGenerator
{
    /// <summary>The provider name in <see cref="ImageGeneratorMetadata"/> and in traces.</summary>
    public const string ProviderName = "apiframe";

    /// <summary>The key of <see cref="UsageDetails.AdditionalCounts"/> that holds the credits a job cost.</summary>
    public const string CreditsUsageKey = "apiframe.credits";

    private readonly ApiframeClient _client;
    private readonly string? _defaultModelId;
    private readonly ImageGeneratorMetadata _metadata;

    internal ApiframeImageGenerator(ApiframeClient client, string? defaultModelId)
    {
        ArgumentNullException.ThrowIfNull(client);
        _client = client;
        _defaultModelId = defaultModelId;
        _metadata = new ImageGeneratorMetadata(ProviderName, client.BaseAddress, defaultModelId);
    }

    /// <inheritdoc/>
    /// <exception cref="Validation.ApiframeValidationException">The request breaks its schema; nothing was sent.</exception>
    /// <exception cref="NotSupportedException">The model cannot do what the options ask (a count, a format, a size, editing).</exception>
    /// <exception cref="ApiframeException">The server refused the request, or the job failed.</exception>
    public async Task<ImageGenerationResponse> GenerateAsync(ImageGenerationRequest request, ImageGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (HasAny(request.OriginalImages))
        {
            throw new NotSupportedException("The Apiframe image generator makes new images; editing (OriginalImages) is not supported: use a generated /v2/images/edit request with ApiframeClient.");
        }

        var format = options?.ResponseFormat ?? ImageGenerationResponseFormat.Uri;
        if (format != ImageGenerationResponseFormat.Uri && format != ImageGenerationResponseFormat.Data)
        {
            throw new NotSupportedException($"ImageGenerationResponseFormat.{format} is not supported: Apiframe results are URLs (Uri) or their bytes (Data).");
        }

        var job = await _client.GenerateAsync(BuildRequest(request, options), cancellationToken).ConfigureAwait(false);
        var contents = new List<AIContent>(job.Images.Count);
        foreach (var url in job.Images)
        {
            if (format == ImageGenerationResponseFormat.Data)
            {
                var (bytes, mediaType) = await _client.DownloadBufferedAsync(url, cancellationToken).ConfigureAwait(false);
                contents.Add(new DataContent(bytes, mediaType ?? MediaTypeOf(url)));
            }
            else
            {
                contents.Add(new UriContent(new Uri(_client.BaseAddress, url), MediaTypeOf(url)));
            }
        }

        return new ImageGenerationResponse(contents)
        {
            RawRepresentation = job,
            Usage = job.CreditCost is { } credits
                ? new UsageDetails { AdditionalCounts = new AdditionalPropertiesDictionary<long> { [CreditsUsageKey] = credits } }
                : null,
        };
    }

    /// <inheritdoc/>
    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        return serviceKey is not null ? null
            : serviceType == typeof(ImageGeneratorMetadata) ? _metadata
            : serviceType == typeof(ApiframeClient) ? _client
            : serviceType.IsInstanceOfType(this) ? this
            : null;
    }

    /// <summary>Does nothing: the <see cref="ApiframeClient"/> belongs to whoever made it.</summary>
    public void Dispose()
    {
    }

    private IApiframeRequest BuildRequest(ImageGenerationRequest request, ImageGenerationOptions? options)
    {
        if (options?.RawRepresentationFactory?.Invoke(this) is { } raw)
        {
            return raw as IApiframeRequest ?? throw new InvalidOperationException(
                $"RawRepresentationFactory returned a {raw.GetType().Name}; the Apiframe image generator sends an IApiframeRequest, such as a generated Flux11ProRequest.");
        }

        var modelId = options?.ModelId ?? _defaultModelId
            ?? throw new InvalidOperationException("No model: set ImageGenerationOptions.ModelId, or give AsIImageGenerator a default model id.");
        if (!ApiframeImageModels.TryGet(modelId, out var model))
        {
            throw new NotSupportedException($"'{modelId}' is not a text-to-image model of this project's schemas (a model posted to /v2/images/generate).");
        }

        model.RequireNoOwnParams();
        var values = new List<KeyValuePair<string, object>>();
        if (options?.ImageSize is { } size)
        {
            model.AddSize(size, values);
        }

        if (options?.MediaType is { } mediaType)
        {
            model.AddMediaType(mediaType, values);
        }

        if (options?.Count is { } count)
        {
            model.AddCount(count, values);
        }

        return new ApiframeImageRequest(model, request.Prompt, values);
    }

    private static bool HasAny(IEnumerable<AIContent>? contents)
    {
        if (contents is not null)
        {
            foreach (var _ in contents)
            {
                return true;
            }
        }

        return false;
    }

    // Result URLs end in the file's extension; the download's Content-Type wins where there is one.
    private static string MediaTypeOf(string url)
    {
        var path = Uri.TryCreate(url, UriKind.Absolute, out var absolute) ? absolute.AbsolutePath : url;
        var dot = path.LastIndexOf('.');
        return (dot < 0 ? string.Empty : path.Substring(dot + 1).ToLowerInvariant()) switch
        {
            "png" => "image/png",
            "jpg" or "jpeg" => "image/jpeg",
            "webp" => "image/webp",
            "gif" => "image/gif",
            _ => "image/*",
        };
    }
}
