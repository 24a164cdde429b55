using System;
using System.IO;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace Apiframe;

// The one path every call takes: authentication, per-attempt timeouts, retries and error mapping.
public sealed partial class ApiframeClient
{
    private const string ApiKeyHeader = "X-API-Key";

    private string RequireApiKey() =>
        _apiKey ?? throw new InvalidOperationException(
            $"No Apiframe API key: set ApiframeClientOptions.ApiKey or the {ApiframeClientOptions.ApiKeyEnvironmentVariable} environment variable.");

    // Returns only a successful response; an error response becomes an ApiframeException. createRequest builds a
    // fresh message for each attempt (a message cannot be sent twice) around the same body bytes. With
    // ResponseContentRead the body is buffered here, under the attempt's timeout and the size cap.
    // sendApiKey: the call needs the key (it fails without one); the key is attached to every hop whose origin is
    // the base address's, and to no other.
    // idempotencyKey: set for a submission; a failure's message then says when the job may exist and how to resume it.
    private async Task<HttpResponseMessage> SendAsync(
        Func<HttpRequestMessage> createRequest,
        bool idempotent,
        HttpCompletionOption completion,
        bool sendApiKey,
        string? idempotencyKey,
        CancellationToken cancellationToken)
    {
        var apiKey = sendApiKey ? RequireApiKey() : _apiKey;
        var time = _options.TimeProvider;
        string what;
        using (var first = createRequest())
        {
            what = first.Method + " " + first.RequestUri?.AbsolutePath;
        }

        var call = new ApiframeHttpCall();
        Func<HttpRequestMessage> create = () => call.Attach(createRequest());

        // Whether some attempt may have reached the server and created the job: it got no answer, or a 5xx.
        var mayExist = false;
        for (var attempt = 0; ; attempt++)
        {
            HttpResponseMessage response;
            using (var attemptTimeout = ApiframeTimers.CancelAfter(time, _options.AttemptTimeout))
            using (var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, attemptTimeout.Token))
            {
                try
                {
                    response = await SendFollowingRedirectsAsync(create, apiKey, linked.Token).ConfigureAwait(false);
                    if (response.IsSuccessStatusCode && completion == HttpCompletionOption.ResponseContentRead)
                    {
                        await BufferCappedAsync(response, what, linked.Token).ConfigureAwait(false);
                    }
                }
                // HttpClient.Timeout firing counts as an attempt timeout too: only the caller's token means "stop".
                catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
                {
                    mayExist = true;
                    if (!(idempotent && MayRetry(attempt, call)))
                    {
                        throw Failed(WithoutResponse(
                            $"{what} timed out after {_options.AttemptTimeout} ({attempt + 1} attempt(s)).",
                            new TimeoutException("The attempt timed out.", ex),
                            idempotencyKey,
                            mayExist));
                    }

                    await RetryDelayAsync(what, "timeout", _retry.Backoff(attempt), attempt, cancellationToken).ConfigureAwait(false);
                    continue;
                }
                // IOException: the connection dropped while the body was being read.
                catch (Exception ex) when ((ex is HttpRequestException || ex is IOException) && !cancellationToken.IsCancellationRequested)
                {
                    mayExist = true;
                    if (!(idempotent && MayRetry(attempt, call)))
                    {
                        throw Failed(WithoutResponse(
                            $"{what} failed without a response ({attempt + 1} attempt(s)): {ApiframeErrorReader.Redact(ex.Message, _apiKey)}",
                            ex,
                            idempotencyKey,
                            mayExist));
                    }

                    await RetryDelayAsync(what, "connection failed", _retry.Backoff(attempt), attempt, cancellationToken).ConfigureAwait(false);
                    continue;
                }
                // Whatever else a handler of the HttpClient throws (a resilience pipeline's BrokenCircuitException or
                // TimeoutRejectedException, a rate limiter's rejection, a handler's own bug) is not something the
                // client knows how to retry: it reaches the caller as the one documented exception type. A disposed
                // client is the caller's own mistake and stays an ObjectDisposedException.
                catch (Exception ex) when (ex is not ApiframeException && ex is not OperationCanceledException && ex is not ObjectDisposedException && !cancellationToken.IsCancellationRequested)
                {
                    // Behind a pipeline, earlier attempts the client never saw may have reached the server.
                    mayExist |= call.RetriedByPipeline;
                    throw Failed(WithoutResponse(
                        $"{what} failed in the HttpClient's handlers ({ex.GetType().Name}, {attempt + 1} attempt(s)): {ApiframeErrorReader.Redact(ex.Message, _apiKey)}",
                        ex,
                        idempotencyKey,
                        mayExist,
                        transient: call.RetriedByPipeline));
                }
            }

            ApiframeTelemetry.SetAttempts(attempt + 1);
            if (response.IsSuccessStatusCode)
            {
                return response;
            }

            using (response)
            {
                var status = (int)response.StatusCode;
                mayExist |= status >= 500 || (call.RetriedByPipeline && status is 408 or 429);
                if (MayRetry(attempt, call) && ApiframeRetryPolicy.IsRetriableStatus(status, idempotent))
                {
                    // A wait longer than the cap is the caller's decision, not ours: fail now and say how long.
                    var asked = ApiframeRetryPolicy.RetryAfter(response, time.GetUtcNow());
                    if (asked > _options.MaxRetryAfter)
                    {
                        throw Failed(await ApiframeErrorReader.ReadAsync(
                            response,
                            _apiKey,
                            time.GetUtcNow(),
                            cancellationToken,
                            $" The server asked to wait {asked}, longer than MaxRetryAfter ({_options.MaxRetryAfter}); not retried (see RetryAfter)." + MayExistNote(idempotencyKey, mayExist)).ConfigureAwait(false));
                    }

                    var delay = _retry.DelayBefore(attempt, response, time.GetUtcNow());
                    response.Dispose();
                    await RetryDelayAsync(what, status.ToString(System.Globalization.CultureInfo.InvariantCulture), delay, attempt, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                throw Failed(await ApiframeErrorReader.ReadAsync(response, _apiKey, time.GetUtcNow(), cancellationToken, MayExistNote(idempotencyKey, mayExist)).ConfigureAwait(false));
            }
        }
    }

    // The client retries only where no resilience pipeline of the HttpClient does (see ApiframeHttpCall).
    private bool MayRetry(int attempt, ApiframeHttpCall call) => attempt < _retry.MaxRetries && !call.RetriedByPipeline;

    private static ApiframeException WithoutResponse(string message, Exception inner, string? idempotencyKey, bool mayExist, bool transient = true) =>
        new(message + MayExistNote(idempotencyKey, mayExist), inner) { Transient = transient };

    // The caller's way back to a job that may have been created (and billed) although no 202 came back.
    private static string MayExistNote(string? idempotencyKey, bool mayExist) =>
        idempotencyKey is null || !mayExist
            ? string.Empty
            : $" The job may exist (and be billed) although no answer said so: submit the same request again with IdempotencyKey \"{idempotencyKey}\" to resume it without paying twice.";

    private async Task RetryDelayAsync(string what, string reason, TimeSpan delay, int attempt, CancellationToken cancellationToken)
    {
        ApiframeTelemetry.Retries.Add(1);
        OnRetrying(what, reason, delay, attempt + 1);
        await ApiframeTimers.Delay(_options.TimeProvider, delay, cancellationToken).ConfigureAwait(false);
    }

    private ApiframeException Failed(ApiframeException exception)
    {
        OnFailed(exception);
        return exception;
    }

    // A 2xx whose body is not what the API documents is still reported as an ApiframeException, with the body.
    private async Task<T> ReadBodyAsync<T>(HttpResponseMessage response, Func<ReadOnlyMemory<byte>, T> read, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return read(body);
        }
        catch (JsonException ex)
        {
            var text = ApiframeErrorReader.Redact(System.Text.Encoding.UTF8.GetString(body), _apiKey);
            throw Failed(new ApiframeException($"Apiframe answered {(int)response.StatusCode} with a body the client cannot read: {ex.Message}", ex)
            {
                StatusCode = (int)response.StatusCode,
                ResponseBody = text,
            });
        }
    }

    // Paths from the API and relative result URLs hang off the base address, keeping any path prefix it has
    // (a proxy at https://host/apiframe/). On Unix "/v2/x" parses as an absolute file: URI, so schemes are checked.
    private Uri Resolve(string pathOrUrl)
    {
        if (Uri.TryCreate(pathOrUrl, UriKind.Absolute, out var absolute)
            && (absolute.Scheme == Uri.UriSchemeHttp || absolute.Scheme == Uri.UriSchemeHttps)
            && !pathOrUrl.StartsWith('/'))
        {
            return absolute;
        }

        if (pathOrUrl.Contains("://", StringComparison.Ordinal))
        {
            throw new ArgumentException("Only http and https URLs can be fetched.", nameof(pathOrUrl));
        }

        var root = BaseAddress.GetLeftPart(UriPartial.Path).TrimEnd('/');
        return new Uri(root + "/" + pathOrUrl.TrimStart('/'), UriKind.Absolute);
    }
}
