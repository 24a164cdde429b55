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
/// <see cref="ApiframeClient.AsIImageGenerator"/>. Each call submits the jobs it needs and waits for them.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item><c>ModelId</c>: any text-to-image model of the project's schemas, whether or not its types are written.</item>
/// <item><c>ImageSize</c>: width and height where the model takes pixels (fitted to its bounds), otherwise its nearest documented aspect ratio.</item>
/// <item><c>MediaType</c>: the model's <c>output_format</c> (<c>image/png</c>, <c>image/jpeg</c>, <c>image/webp</c>).</item>
/// <item><c>Count</c>: the model's image count member; past what one job makes, as many jobs as needed, run concurrently
/// (at most <see cref="MaxCount"/> images a call).</item>
/// <item><c>ResponseFormat</c>: unset or <c>Data</c> downloads each file, up to
/// <see cref="ApiframeClientOptions.MaxResponseBodyBytes"/>, into <see cref="DataContent"/>; <c>Uri</c> gives <see cref="UriContent"/>.</item>
/// <item><c>OriginalImages</c> (an edit): the model's input-image member; <see cref="DataContent"/> is uploaded (an image
/// this generator made goes by its result URL), <see cref="UriContent"/> is sent as it is.</item>
/// <item><c>RawRepresentationFactory</c>: return a generated request (an <see cref="IApiframeRequest"/>) to send it as it is,
/// validated first; the options above are then not applied.</item>
/// </list>
/// What the generator cannot honour is a <see cref="NotSupportedException"/> before any request. The response's
/// <see cref="ImageGenerationResponse.RawRepresentation"/> is the <see cref="ApiframeJob"/> (an
/// <c>IReadOnlyList&lt;ApiframeJob&gt;</c> when the images took several jobs), and its credits are in
/// <see cref="ImageGenerationResponse.Usage"/> under <see cref="CreditsUsageKey"/>.
/// </remarks>
public sealed class ApiframeImageGenerator : IImageGenerator
{
    /// <summary>The provider name in <see cref="ImageGeneratorMetadata"/> and in traces.</summary>
    public const string ProviderName = "apiframe";

    /// <summary>The key of <see cref="UsageDetails.AdditionalCounts"/> that holds the credits the jobs cost.</summary>
    public const string CreditsUsageKey = "apiframe.credits";

    /// <summary>
    /// The most images one call makes (<c>ImageGenerationOptions.Count</c>): every job is billed, so a runaway count
    /// (from a model calling a tool, say) is refused rather than paid for.
    /// </summary>
    public const int MaxCount = 10;

    private readonly ApiframeClient _client;
    private readonly string? _defaultModelId;
    private readonly ImageGeneratorMetadata _metadata;
    private readonly ApiframeImageInputs _inputs;

    internal ApiframeImageGenerator(ApiframeClient client, string? defaultModelId)
    {
        ApiframeArgument.NotNull(client, nameof(client));
        _client = client;
        _defaultModelId = defaultModelId;
        _metadata = new ImageGeneratorMetadata(ProviderName, client.BaseAddress, defaultModelId);
        _inputs = new ApiframeImageInputs(client);
    }

    /// <inheritdoc/>
    /// <exception cref="Validation.ApiframeValidationException">The request breaks its schema; nothing was sent.</exception>
    /// <exception cref="NotSupportedException">The model cannot do what the request or options ask (a count, a format,
    /// a size, an input image); nothing was sent.</exception>
    /// <exception cref="ApiframeException">The server refused a request, or a job failed.</exception>
    public async Task<ImageGenerationResponse> GenerateAsync(ImageGenerationRequest request, ImageGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ApiframeArgument.NotNull(request, nameof(request));
        var format = ResponseFormatOf(options);
        var originals = ApiframeImageInputs.Check(request.OriginalImages);
        var plan = Plan(request, options, originals.Count);

        // Everything is checked; only now is anything sent.
        var inputUrls = await _inputs.ResolveAsync(originals, cancellationToken).ConfigureAwait(false);
        var runs = await ApiframeImageJobs.RunAsync(_client, plan.Requests(inputUrls), plan.JobCounts, (urls, token) => ContentsAsync(urls, format, token), cancellationToken).ConfigureAwait(false);

        var contents = new List<AIContent>();
        var jobs = new ApiframeJob[runs.Count];
        long? credits = null;
        for (var i = 0; i < runs.Count; i++)
        {
            jobs[i] = runs[i].Job;
            contents.AddRange(runs[i].Contents);
            credits = runs[i].Job.CreditCost is { } cost ? (credits ?? 0) + cost : credits;
        }

        return new ImageGenerationResponse(contents)
        {
            RawRepresentation = jobs.Length == 1 ? jobs[0] : Array.AsReadOnly(jobs),
            Usage = credits is { } total
                ? new UsageDetails { AdditionalCounts = new AdditionalPropertiesDictionary<long> { [CreditsUsageKey] = total } }
                : null,
        };
    }

    /// <inheritdoc/>
    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ApiframeArgument.NotNull(serviceType, nameof(serviceType));
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

    private static ImageGenerationResponseFormat ResponseFormatOf(ImageGenerationOptions? options)
    {
        // Unset means bytes: MEAI's image tools for chat keep only DataContent, and so do its integration tests.
        var format = options?.ResponseFormat ?? ImageGenerationResponseFormat.Data;
        if (format != ImageGenerationResponseFormat.Uri && format != ImageGenerationResponseFormat.Data)
        {
            throw new NotSupportedException($"ImageGenerationResponseFormat.{format} is not supported: Apiframe results are URLs (Uri) or their bytes (Data).");
        }

        if (options?.StreamingCount is > 0)
        {
            throw new NotSupportedException("ImageGenerationOptions.StreamingCount is not supported: Apiframe jobs give their images when they finish, with no intermediate ones.");
        }

        if (options?.AdditionalProperties is { Count: > 0 } extra)
        {
            throw new NotSupportedException(
                $"ImageGenerationOptions.AdditionalProperties ({string.Join(", ", extra.Keys)}) have no Apiframe meaning: " +
                "set the model's own params on its generated request and return it from RawRepresentationFactory.");
        }

        return format;
    }

    private ApiframeImagePlan Plan(ImageGenerationRequest request, ImageGenerationOptions? options, int originals)
    {
        var count = options?.Count ?? 1;
        if (count < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), count, "ImageGenerationOptions.Count must be at least 1.");
        }

        if (count > MaxCount)
        {
            throw new NotSupportedException($"ImageGenerationOptions.Count = {count} is more than the {MaxCount} images one call of the Apiframe image generator makes.");
        }

        if (options?.RawRepresentationFactory?.Invoke(this) is { } raw)
        {
            return ApiframeImagePlan.ForTyped(raw, count, originals);
        }

        var modelId = options?.ModelId ?? _defaultModelId
            ?? throw new InvalidOperationException("No model: set ImageGenerationOptions.ModelId, or give AsIImageGenerator a default model id.");
        if (!ApiframeImageModels.TryGet(modelId, out var model))
        {
            throw new NotSupportedException($"'{modelId}' is not a text-to-image model of this project's schemas (a model posted to /v2/images/generate).");
        }

        if (originals > 0)
        {
            model.RequireInputImages(originals);
        }

        model.RequireNoOwnParams(originals > 0);
        var values = new List<KeyValuePair<string, object>>();
        if (options?.ImageSize is { } size)
        {
            model.AddSize(size, values);
        }

        if (options?.MediaType is { } mediaType)
        {
            model.AddMediaType(mediaType, values);
        }

        return new ApiframeImagePlan(model, request.Prompt, values, count);
    }

    private async Task<IReadOnlyList<AIContent>> ContentsAsync(IReadOnlyList<string> urls, ImageGenerationResponseFormat format, CancellationToken cancellationToken)
    {
        var contents = new AIContent[urls.Count];
        for (var i = 0; i < contents.Length; i++)
        {
            var url = new Uri(_client.BaseAddress, urls[i]);
            if (format == ImageGenerationResponseFormat.Uri)
            {
                contents[i] = new UriContent(url, MediaTypeOf(url));
                continue;
            }

            var (bytes, mediaType) = await _client.DownloadBufferedAsync(urls[i], cancellationToken).ConfigureAwait(false);

            // A file server may call any file application/octet-stream; the extension says more then.
            var image = new DataContent(bytes, mediaType is not null && mediaType.StartsWith("image/", StringComparison.OrdinalIgnoreCase) ? mediaType : MediaTypeOf(url));
            _inputs.Remember(image, url);
            contents[i] = image;
        }

        return contents;
    }

    // Result URLs end in the file's extension; the download's Content-Type wins where it names an image type.
    private static string MediaTypeOf(Uri url)
    {
        var path = url.AbsolutePath;
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
