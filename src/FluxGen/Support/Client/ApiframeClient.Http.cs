using System;
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
    // fresh message for each attempt (a message cannot be sent twice) around the same body bytes.
    private async Task<HttpResponseMessage> SendAsync(
        Func<HttpRequestMessage> createRequest,
        bool idempotent,
        HttpCompletionOption completion,
        bool sendApiKey,
        CancellationToken cancellationToken)
    {
        var apiKey = sendApiKey ? RequireApiKey() : null;
        var time = _options.TimeProvider;
        for (var attempt = 0; ; attempt++)
        {
            var mayRetry = attempt < _retry.MaxRetries;
            HttpResponseMessage response;
            using (var request = createRequest())
            {
                if (apiKey is not null)
                {
                    request.Headers.TryAddWithoutValidation(ApiKeyHeader, apiKey);
                }

                using var attemptTimeout = _options.AttemptTimeout == Timeout.InfiniteTimeSpan
                    ? new CancellationTokenSource()
                    : new CancellationTokenSource(_options.AttemptTimeout, time);
                using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, attemptTimeout.Token);
                try
                {
                    response = await _httpClient.SendAsync(request, completion, linked.Token).ConfigureAwait(false);
                }
                // HttpClient.Timeout firing counts as an attempt timeout too: only the caller's token means "stop".
                catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
                {
                    if (!(idempotent && mayRetry))
                    {
                        throw new ApiframeException(
                            $"{request.Method} {request.RequestUri?.AbsolutePath} timed out after {_options.AttemptTimeout} ({attempt + 1} attempt(s)).",
                            new TimeoutException("The attempt timed out.", ex));
                    }

                    await Task.Delay(_retry.Backoff(attempt), time, cancellationToken).ConfigureAwait(false);
                    continue;
                }
                catch (HttpRequestException ex) when (!cancellationToken.IsCancellationRequested)
                {
                    if (!(idempotent && mayRetry))
                    {
                        throw new ApiframeException(
                            $"{request.Method} {request.RequestUri?.AbsolutePath} failed without a response ({attempt + 1} attempt(s)): {ApiframeErrorReader.Redact(ex.Message, _apiKey)}",
                            ex);
                    }

                    await Task.Delay(_retry.Backoff(attempt), time, cancellationToken).ConfigureAwait(false);
                    continue;
                }
            }

            if (response.IsSuccessStatusCode)
            {
                return response;
            }

            using (response)
            {
                if (mayRetry && ApiframeRetryPolicy.IsRetriableStatus((int)response.StatusCode, idempotent))
                {
                    var delay = _retry.DelayBefore(attempt, response, time.GetUtcNow());
                    response.Dispose();
                    await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                throw await ApiframeErrorReader.ReadAsync(response, _apiKey, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
            }
        }
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
            throw new ApiframeException($"Apiframe answered {(int)response.StatusCode} with a body the client cannot read: {ex.Message}", ex)
            {
                StatusCode = (int)response.StatusCode,
                ResponseBody = text,
            };
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
