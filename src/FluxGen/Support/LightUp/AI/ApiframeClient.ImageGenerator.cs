// IImageGenerator is [Experimental("MEAI001")] in Microsoft.Extensions.AI. This file exists only to offer it, so the
// diagnostic is acknowledged here (the method carries the same attribute on to its callers) and a consumer that
// treats warnings as errors still compiles the generated code.
#pragma warning disable MEAI001

using System;
using System.Diagnostics.CodeAnalysis;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;

namespace Apiframe;

// Emitted only when the project references Microsoft.Extensions.AI.Abstractions (10.0 or later).
public sealed partial class ApiframeClient
{
    /// <summary>
    /// This client as a Microsoft.Extensions.AI <see cref="IImageGenerator"/>, for pipelines
    /// (<c>AsBuilder().UseOpenTelemetry().UseLogging().Build()</c>) and <c>services.AddImageGenerator(...)</c>.
    /// <c>ImageGenerationOptions.ModelId</c> may name any text-to-image model of the project's schemas.
    /// </summary>
    /// <param name="defaultModelId">The model used when the options name none.</param>
    /// <returns>A generator that sends through this client; disposing it leaves the client open.</returns>
    [Experimental("MEAI001")]
    public IImageGenerator AsIImageGenerator(string? defaultModelId = "flux-1.1-pro") => new ApiframeImageGenerator(this, defaultModelId);

    /// <summary>Now, on the client's clock (<see cref="ApiframeClientOptions.TimeProvider"/>).</summary>
    internal DateTimeOffset UtcNow => _options.TimeProvider.GetUtcNow();

    /// <summary>Downloads a result file whole, but never past <see cref="ApiframeClientOptions.MaxResponseBodyBytes"/>.</summary>
    internal async Task<(byte[] Bytes, string? MediaType)> DownloadBufferedAsync(string url, CancellationToken cancellationToken)
    {
        var uri = Resolve(url);
        using var activity = ApiframeTelemetry.Start("Apiframe.Download");
        try
        {
            using var response = await SendDownloadAsync(uri, activity, cancellationToken).ConfigureAwait(false);
            await BufferCappedAsync(response, "an image download", cancellationToken).ConfigureAwait(false);
            var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            return (bytes, response.Content.Headers.ContentType?.MediaType);
        }
        catch (Exception ex)
        {
            ApiframeTelemetry.Fail(activity, ex);
            throw;
        }
    }
}
