using System;
using System.Buffers;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
#if FLUXGEN_DOWNLEVEL
using ByteBuffer = Apiframe.Serialization.ApiframeByteBuffer;
#else
using ByteBuffer = System.Buffers.ArrayBufferWriter<byte>;
#endif

namespace Apiframe;

// Submitting requests, and submitting then waiting.
public sealed partial class ApiframeClient
{
    private const int MaxIdempotencyKeyLength = 255;

    /// <summary>
    /// Validates <paramref name="request"/> (unless <see cref="ApiframeClientOptions.ValidateRequests"/> is off),
    /// then posts it to its model's endpoint. Every submission carries an <c>Idempotency-Key</c>, the same one on
    /// every retry, so a retried submission never creates (or bills) a second job.
    /// </summary>
    /// <param name="request">The request, usually a FluxGen-generated record such as <c>Flux11ProRequest</c>.</param>
    /// <param name="idempotencyKey">Your key (at most 255 printable ASCII characters); a new GUID when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Stops the call.</param>
    /// <exception cref="Validation.ApiframeValidationException">The request breaks its schema; nothing was sent.</exception>
    /// <exception cref="ApiframeException">The server refused the request or could not be reached. Its
    /// <see cref="ApiframeException.IdempotencyKey"/> is the key used; when the job may exist although no answer said
    /// so, the message says so, and submitting again with that key returns that job.</exception>
    public async Task<ApiframeSubmission> SubmitAsync(IApiframeRequest request, string? idempotencyKey = null, CancellationToken cancellationToken = default)
    {
        ApiframeArgument.NotNull(request, nameof(request));
        var key = BeginPost(request.Validate, idempotencyKey);

        using var activity = ApiframeTelemetry.Start("Apiframe.Submit");
        activity?.SetTag(ApiframeTelemetry.ModelTag, request.ModelInfo.Id);
        ApiframeTelemetry.TagGenAiRequest(activity, request.ModelInfo);

        // Serialized once, so every retry sends exactly the same bytes under the same key (the server answers a
        // different body under a used key with 409).
        var body = ApiframeWebhookDefaults.Apply(Serialize(request), _options.WebhookUrl);
        var uri = Resolve(request.ModelInfo.Endpoint);
        try
        {
            var submission = await PostAsync(uri, body, key, cancellationToken).ConfigureAwait(false);
            activity?.SetTag(ApiframeTelemetry.JobIdTag, submission.JobId);
            activity?.SetTag(ApiframeTelemetry.StatusTag, submission.Status.Value);
            OnSubmitted(request.ModelInfo.Id, submission.JobId, submission.Status);
            return submission;
        }
        catch (Exception ex)
        {
            PostFailed(activity, ex, key);
            throw;
        }
    }

    private async Task<ApiframeSubmission> PostAsync(Uri uri, byte[] body, string key, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(
            () => JsonPost(uri, body, key),
            idempotent: true,
            HttpCompletionOption.ResponseContentRead,
            sendApiKey: true,
            key,
            cancellationToken).ConfigureAwait(false);
        return await ReadBodyAsync(response, bytes => ApiframeJobReader.ReadSubmission(bytes, key), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Submits <paramref name="request"/> and waits until its job has finished.</summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Stops submitting or waiting; the job itself may still run.</param>
    /// <returns>The completed job; its <see cref="ApiframeJob.Images"/> hold the result.</returns>
    public Task<ApiframeJob> GenerateAsync(IApiframeRequest request, CancellationToken cancellationToken) =>
        GenerateAsync(request, idempotencyKey: null, progress: null, timeout: null, cancellationToken);

    /// <summary>Submits <paramref name="request"/> and waits until its job has finished, reporting each poll.</summary>
    /// <param name="request">The request.</param>
    /// <param name="progress">Told the job's state after every poll.</param>
    /// <param name="cancellationToken">Stops submitting or waiting; the job itself may still run.</param>
    /// <returns>The completed job; its <see cref="ApiframeJob.Images"/> hold the result.</returns>
    /// <exception cref="ApiframeException">The request was refused, or the job failed or was cancelled.</exception>
    /// <exception cref="ApiframeTimeoutException">The job did not finish within <see cref="ApiframeClientOptions.PollTimeout"/>.</exception>
    public Task<ApiframeJob> GenerateAsync(IApiframeRequest request, IProgress<ApiframeJob>? progress = null, CancellationToken cancellationToken = default) =>
        GenerateAsync(request, idempotencyKey: null, progress, timeout: null, cancellationToken);

    /// <summary>
    /// Submits <paramref name="request"/> under your idempotency key and waits until its job has finished. When a
    /// call fails, its <see cref="ApiframeException.IdempotencyKey"/> is the key it used: calling again with that key
    /// resumes the same job (the server answers a known key with the job it already created), so a job never runs,
    /// or bills, twice and its result is never out of reach.
    /// </summary>
    /// <param name="request">The request.</param>
    /// <param name="idempotencyKey">Your key; submitting again with it returns the same job. A new GUID when <see langword="null"/>.</param>
    /// <param name="progress">Told the job's state after every poll.</param>
    /// <param name="timeout">How long to wait for the job; <see cref="ApiframeClientOptions.PollTimeout"/> when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Stops submitting or waiting; the job itself may still run.</param>
    /// <returns>The completed job; its <see cref="ApiframeJob.Images"/> hold the result.</returns>
    /// <exception cref="ApiframeException">The request was refused, the server could not be reached, or the job failed
    /// or was cancelled; <see cref="ApiframeException.IdempotencyKey"/> says how to come back to the job.</exception>
    /// <exception cref="ApiframeTimeoutException">The job did not finish within the timeout; it has the job id.</exception>
    public async Task<ApiframeJob> GenerateAsync(
        IApiframeRequest request,
        string? idempotencyKey,
        IProgress<ApiframeJob>? progress = null,
        TimeSpan? timeout = null,
        CancellationToken cancellationToken = default)
    {
        // Chosen here, not in SubmitAsync, so that a failure while waiting can name it too.
        var key = idempotencyKey ?? Guid.NewGuid().ToString("D");
        var submission = await SubmitAsync(request, key, cancellationToken).ConfigureAwait(false);

        // An idempotent replay of a finished job needs no waiting: look at it straight away.
        var expected = submission.Status.IsTerminal ? TimeSpan.Zero : request.ModelInfo.AverageDuration;
        try
        {
            return await WaitForCompletionAsync(submission.JobId, progress, timeout, expected, cancellationToken).ConfigureAwait(false);
        }
        catch (ApiframeException ex)
        {
            ex.IdempotencyKey ??= submission.IdempotencyKey;
            throw;
        }
    }

    private static byte[] Serialize(IApiframeRequest request) => Serialize(request.WriteTo);

    private static byte[] Serialize(Action<Utf8JsonWriter> write)
    {
        var buffer = new ByteBuffer(512);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
            writer.Flush();
        }

        return buffer.WrittenSpan.ToArray();
    }

    // A new message per attempt (a sent message cannot be sent again), always with the same body and key.
    private static HttpRequestMessage JsonPost(Uri uri, byte[] body, string key)
    {
        var message = new HttpRequestMessage(HttpMethod.Post, uri) { Content = new ByteArrayContent(body) };
        message.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        message.Headers.TryAddWithoutValidation("Idempotency-Key", key);
        return message;
    }

    // What every generated call's POST does first: its key checked (or made), the API key required, and the request
    // validated unless the options say not to; all before any byte is sent.
    private string BeginPost(Action validate, string? idempotencyKey)
    {
        ApiframeArgument.NotNull(validate, nameof(validate));
        var key = idempotencyKey ?? Guid.NewGuid().ToString("D");
        CheckIdempotencyKey(key);
        RequireApiKey();
        if (_options.ValidateRequests)
        {
            validate();
        }

        return key;
    }

    // A failed POST names the key it used, so calling again with that key cannot create (or bill) a second one.
    private static void PostFailed(System.Diagnostics.Activity? activity, Exception ex, string key)
    {
        if (ex is ApiframeException failure)
        {
            failure.IdempotencyKey ??= key;
        }

        ApiframeTelemetry.Fail(activity, ex);
    }

    private static void CheckIdempotencyKey(string key)
    {
        if (key.Length == 0 || key.Length > MaxIdempotencyKeyLength)
        {
            throw new ArgumentException($"An idempotency key must have 1 to {MaxIdempotencyKeyLength} characters.", nameof(key));
        }

        foreach (var c in key)
        {
            // Printable ASCII only: anything else could not travel in a header, or could split it.
            if (c < '!' || c > '~')
            {
                throw new ArgumentException("An idempotency key may only hold printable ASCII characters without spaces.", nameof(key));
            }
        }
    }
}
