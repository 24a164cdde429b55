using System;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Runtime.ExceptionServices;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace Apiframe;

// POST /v2/uploads: a local file becomes a URL any request member takes.
public sealed partial class ApiframeClient
{
    /// <summary>
    /// Uploads <paramref name="file"/> to Apiframe's short-lived storage (kept an hour or two) as
    /// <c>multipart/form-data</c>, streamed from its source through one small buffer. Put the returned
    /// <see cref="ApiframeUpload.Url"/> into any request member that takes an image, video or audio URL.
    /// </summary>
    /// <param name="file">The file, from <see cref="ApiframeFile.FromPath"/>, <see cref="ApiframeFile.FromStream"/> or <see cref="ApiframeFile.FromBytes"/>.</param>
    /// <param name="cancellationToken">Stops the upload.</param>
    /// <exception cref="ApiframeException">The server refused the file (its status says why) or could not be reached.</exception>
    /// <remarks>When reading the file itself fails (a stream that throws part-way), that exception is thrown as it
    /// is and nothing is kept by the server. A stream that cannot seek is sent once and not retried.</remarks>
    public async Task<ApiframeUpload> UploadAsync(ApiframeFile file, CancellationToken cancellationToken = default)
    {
        ApiframeArgument.NotNull(file, nameof(file));
        RequireApiKey();
        using var activity = ApiframeTelemetry.Start("Apiframe.Upload");
        activity?.SetTag("apiframe.upload.kind", file.Kind);

        // One boundary and one key for every attempt, so a retry sends the very same bytes under the same key.
        var boundary = "apiframe-" + Guid.NewGuid().ToString("N");
        var key = Guid.NewGuid().ToString("D");
        var uri = Resolve("/v2/uploads");
        ApiframeFileContent? lastPart = null;
        HttpRequestMessage CreateRequest()
        {
            // The source already failed in an earlier attempt: sending again would fail the same way (or send a
            // spent stream), so stop here; the caller gets the source's own exception below.
            if (lastPart?.SourceFailure is not null)
            {
                throw new ApiframeFileSourceFailedException();
            }

            lastPart = new ApiframeFileContent(file);
            var form = new MultipartFormDataContent(boundary) { { lastPart, "file", file.FileName } };
            var message = new HttpRequestMessage(HttpMethod.Post, uri) { Content = form };
            message.Headers.TryAddWithoutValidation("Idempotency-Key", key);
            return message;
        }

        try
        {
            using var response = await SendAsync(CreateRequest, idempotent: file.CanResend, HttpCompletionOption.ResponseContentRead, sendApiKey: true, idempotencyKey: null, cancellationToken).ConfigureAwait(false);
            var upload = await ReadBodyAsync(response, ApiframeResourceReader.ReadUpload, cancellationToken).ConfigureAwait(false);
            activity?.SetTag("http.response.status_code", (int)response.StatusCode);
            return upload;
        }
        catch (Exception ex) when (lastPart?.SourceFailure is { } source && ex is not OperationCanceledException)
        {
            ApiframeTelemetry.Fail(activity, source);
            ExceptionDispatchInfo.Capture(source).Throw();
            throw;
        }
        catch (Exception ex)
        {
            ApiframeTelemetry.Fail(activity, ex);
            throw;
        }
    }

    // Thrown instead of building a request whose file has already failed to read; never reaches the caller.
    private sealed class ApiframeFileSourceFailedException : Exception
    {
    }
}
