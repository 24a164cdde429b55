using System;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Apiframe;

// Fetching result files.
public sealed partial class ApiframeClient
{
    /// <summary>
    /// Opens a result file (for example one of <see cref="ApiframeJob.Images"/>) as a stream that reads from the
    /// network as you read it; the whole file is never held in memory. Dispose the stream when done.
    /// </summary>
    /// <param name="url">An absolute http(s) URL, or a path relative to <see cref="BaseAddress"/>.</param>
    /// <param name="cancellationToken">Stops the call until the response headers arrive; pass one to your reads as well.</param>
    /// <remarks>The API key is sent only to the base address's origin (scheme, host and port), never to a CDN or any
    /// other origin, redirects included.</remarks>
    public async Task<Stream> DownloadAsync(string url, CancellationToken cancellationToken = default)
    {
        ApiframeArgument.NotNullOrWhiteSpace(url, nameof(url));
        var uri = Resolve(url);
        using var activity = ApiframeTelemetry.Start("Apiframe.Download");
        HttpResponseMessage response;
        try
        {
            response = await SendDownloadAsync(uri, activity, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            ApiframeTelemetry.Fail(activity, ex);
            throw;
        }

        try
        {
            var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            return new ApiframeResponseStream(stream, response);
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    // Every download sends the same way: a GET that never carries the key, read as it arrives.
    private async Task<HttpResponseMessage> SendDownloadAsync(Uri uri, System.Diagnostics.Activity? activity, CancellationToken cancellationToken)
    {
        var response = await SendAsync(
            () => new HttpRequestMessage(HttpMethod.Get, uri),
            idempotent: true,
            HttpCompletionOption.ResponseHeadersRead,
            sendApiKey: false,
            idempotencyKey: null,
            cancellationToken).ConfigureAwait(false);
        activity?.SetTag("http.response.status_code", (int)response.StatusCode);
        return response;
    }
}
