using System;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Apiframe;
using Apiframe.Webhooks;

namespace FluxGen.PortableLibrary;

/// <summary>What a library built for netstandard2.0 and .NET Framework offers its callers, made of FluxGen's
/// generated records and client (internal to this assembly).</summary>
public sealed class PortableImages : IDisposable
{
    private readonly ApiframeClient _client;
    private readonly string _apiKey;

    /// <summary>A client for the API at <paramref name="baseAddress"/>, waiting on <paramref name="time"/>
    /// (the system clock when null).</summary>
    public PortableImages(HttpClient http, Uri baseAddress, string apiKey, TimeProvider? time = null)
    {
        _apiKey = apiKey;
        _client = new ApiframeClient(http, new ApiframeClientOptions { ApiKey = apiKey, BaseAddress = baseAddress, TimeProvider = time ?? TimeProvider.System });
    }

    /// <summary>Generates a flux-1.1-pro image, waits for it and downloads it.</summary>
    public async Task<PortableImage> GenerateAsync(string prompt, string? webhookUrl = null, CancellationToken cancellationToken = default)
    {
        var request = new Flux11ProRequest(prompt)
        {
            WebhookUrl = webhookUrl,
            FluxParams = new() { AspectRatio = Flux11ProAspectRatio.Ratio4x3, OutputFormat = Flux11ProOutputFormat.Png, OutputQuality = 90 },
        };
        var job = await _client.GenerateAsync(request, cancellationToken: cancellationToken).ConfigureAwait(false);
        using var image = await _client.DownloadAsync(job.Images[0], cancellationToken).ConfigureAwait(false);
        using var bytes = new MemoryStream();
        await image.CopyToAsync(bytes).ConfigureAwait(false);
        return new PortableImage(job.Id, job.Status.ToString(), bytes.ToArray());
    }

    /// <summary>Uploads a local image, as a model's input, and returns its URL.</summary>
    public async Task<string> UploadAsync(byte[] png, string fileName, CancellationToken cancellationToken = default)
    {
        var upload = await _client.UploadAsync(ApiframeFile.FromBytes(png, fileName), cancellationToken).ConfigureAwait(false);
        return upload.Url;
    }

    /// <summary>A document model's request body (Midjourney), validated as the schema says.</summary>
    public static string MidjourneyBody(string prompt)
    {
        var request = new MidjourneyRequest(prompt) { MidjourneyParams = new() { AspectRatio = "16:9" } };
        request.Validate();
        return request.ToJson();
    }

    /// <summary>The job id of a webhook delivery whose signature checks out over its raw bytes, else null.</summary>
    public string? VerifyWebhook(byte[] body, string? signatureHeader)
    {
        var verifier = new ApiframeWebhookVerifier(_apiKey);
        return verifier.Verify(body, signatureHeader) ? verifier.VerifyAndParse(body, signatureHeader).JobId : null;
    }

    /// <inheritdoc/>
    public void Dispose() => _client.Dispose();
}

/// <summary>A finished image.</summary>
public sealed class PortableImage
{
    internal PortableImage(string jobId, string status, byte[] bytes)
    {
        JobId = jobId;
        Status = status;
        Bytes = bytes;
    }

    /// <summary>The job that made it.</summary>
    public string JobId { get; }

    /// <summary>The job's final status.</summary>
    public string Status { get; }

    /// <summary>The image file's bytes.</summary>
    public byte[] Bytes { get; }
}
