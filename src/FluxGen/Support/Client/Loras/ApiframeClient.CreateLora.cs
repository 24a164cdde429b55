using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Globalization;
using System.Net.Http;
using System.Runtime.ExceptionServices;
using System.Threading;
using System.Threading.Tasks;

namespace Apiframe;

// Creating a LoRA. The public CreateLoraAsync(CreateLoraRequest) is generated beside the request, which is written
// only where the code names it (see RecordEmitter.EmitCall); it calls this with the request's own methods.
public sealed partial class ApiframeClient
{
    // The document's limits for training images: JPEG, PNG or WebP, 10 MB each and 100 MB in all (MB read as MiB, the
    // larger reading, so the client never refuses what the server would take).
    private const long MaxLoraImageBytes = 10L * 1024 * 1024;
    private const long MaxLoraTotalBytes = 100L * 1024 * 1024;
    private static readonly string[] LoraImageTypes = { "image/jpeg", "image/png", "image/webp" };

    /// <summary>Posts a generated <c>CreateLoraRequest</c>; call <c>client.CreateLoraAsync(request)</c> instead.</summary>
    /// <param name="validate">The request's <c>Validate</c>, run unless <see cref="ApiframeClientOptions.ValidateRequests"/> is off.</param>
    /// <param name="writeForm">The request's <c>WriteTo</c>.</param>
    /// <param name="idempotencyKey">Your key; a new GUID when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Stops the call.</param>
    /// <returns>The new LoRA as the server answered it (id, status, image count and training job).</returns>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public async Task<ApiframeLora> SendCreateLoraAsync(Action validate, Action<ApiframeForm> writeForm, string? idempotencyKey = null, CancellationToken cancellationToken = default)
    {
        ApiframeArgument.NotNull(writeForm, nameof(writeForm));
        var key = BeginPost(validate, idempotencyKey);
        var form = new ApiframeForm();
        writeForm(form);
        CheckLoraImages(form);

        using var activity = ApiframeTelemetry.Start("Apiframe.CreateLora");

        // One boundary and one key for every attempt, so a retry sends the very same body under the same key.
        var boundary = "apiframe-" + Guid.NewGuid().ToString("N");
        var uri = Resolve(LorasPath);
        var lastParts = new List<ApiframeFileContent>();
        HttpRequestMessage CreateRequest()
        {
            // A file whose source failed would fail again (or send a spent stream): stop, and report the source.
            if (lastParts.Exists(static p => p.SourceFailure is not null))
            {
                throw new ApiframeFileSourceFailedException();
            }

            lastParts.Clear();
            var message = new HttpRequestMessage(HttpMethod.Post, uri) { Content = form.ToContent(boundary, lastParts) };
            message.Headers.TryAddWithoutValidation("Idempotency-Key", key);
            return message;
        }

        try
        {
            using var response = await SendAsync(CreateRequest, idempotent: form.CanResend, HttpCompletionOption.ResponseContentRead, sendApiKey: true, key, cancellationToken).ConfigureAwait(false);
            var lora = await ReadBodyAsync(response, ApiframeLoraReader.ReadLora, cancellationToken).ConfigureAwait(false);
            activity?.SetTag(ApiframeTelemetry.JobIdTag, lora.JobId);
            return lora;
        }
        catch (Exception ex) when (lastParts.Find(static p => p.SourceFailure is not null)?.SourceFailure is { } source && ex is not OperationCanceledException)
        {
            ApiframeTelemetry.Fail(activity, source);
            ExceptionDispatchInfo.Capture(source).Throw();
            throw;
        }
        catch (Exception ex)
        {
            PostFailed(activity, ex, key);
            throw;
        }
    }

    // What the schema cannot say about files: their type and size. Checked before any byte is sent.
    private static void CheckLoraImages(ApiframeForm form)
    {
        long total = 0;
        foreach (var image in form.Files("images"))
        {
            if (Array.IndexOf(LoraImageTypes, image.ContentType) < 0)
            {
                throw new ArgumentException($"'{image.FileName}' is {image.ContentType}; LoRA training takes JPEG, PNG or WebP images.", "request");
            }

            if (image.Length is { } length)
            {
                if (length > MaxLoraImageBytes)
                {
                    throw new ArgumentException($"'{image.FileName}' has {length.ToString(CultureInfo.InvariantCulture)} bytes; a LoRA training image may have at most {MaxLoraImageBytes.ToString(CultureInfo.InvariantCulture)}.", "request");
                }

                total += length;
            }
        }

        if (total > MaxLoraTotalBytes)
        {
            throw new ArgumentException($"The training images have {total.ToString(CultureInfo.InvariantCulture)} bytes in all; a LoRA takes at most {MaxLoraTotalBytes.ToString(CultureInfo.InvariantCulture)}.", "request");
        }
    }
}
