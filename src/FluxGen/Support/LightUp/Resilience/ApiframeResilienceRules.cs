using System;
using System.IO;
using System.Net.Http;
using System.Threading.Tasks;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.Timeout;

namespace Apiframe;

// Apiframe's rules, written into Microsoft.Extensions.Http.Resilience's standard pipeline so that it retries what
// the client alone would retry, as often, and keeps its circuit breaker for what says the server is unwell.
internal static class ApiframeResilienceRules
{
    private const string IdempotencyKeyHeader = "Idempotency-Key";
    private const double HealthyFailureRatio = 0.5;

    internal static void Apply(HttpStandardResilienceOptions options, ApiframeClientOptions client)
    {
        var time = client.TimeProvider ?? TimeProvider.System;
        var maxRetryAfter = client.MaxRetryAfter;
        var retriesOn = client.MaxRetries > 0;
        var retry = options.Retry;

        // As many attempts as the client alone makes. Polly wants at least one retry; MaxRetries = 0 is honoured
        // by the predicate instead.
        retry.MaxRetryAttempts = Math.Max(1, client.MaxRetries);
        retry.BackoffType = DelayBackoffType.Exponential;
        retry.UseJitter = true;
        retry.Delay = client.RetryBaseDelay;
        retry.MaxDelay = client.RetryMaxDelay;
        retry.ShouldHandle = args => new ValueTask<bool>(retriesOn && ShouldRetry(args.Outcome, args.Context, time, maxRetryAfter));

        // The server's Retry-After, up to MaxRetryAfter (a longer one is not retried at all, see ShouldRetry);
        // without one, the exponential backoff above.
        retry.DelayGenerator = args => new ValueTask<TimeSpan?>(
            args.Outcome.Result is { } response ? ApiframeRetryPolicy.RetryAfter(response, time.GetUtcNow()) : null);

        // Apiframe answers load with 429 and 503 ("retry with backoff"): a share of failed attempts is the API pacing
        // its callers, which the retries absorb, not the API being down. The breaker opens when most of what it
        // judges fails (the standard 10% would turn a partial outage the retries ride out into failed calls).
        options.CircuitBreaker.FailureRatio = HealthyFailureRatio;
        options.CircuitBreaker.ShouldHandle = args => new ValueTask<bool>(CountsAgainstHealth(args.Outcome, args.Context));
    }

    // 429 always (nothing was done); 5xx, timeouts and lost connections only when a repeat cannot do anything twice:
    // a read, or a submission carrying its Idempotency-Key. 400, 401, 402, 403, 404, 409 and 422 never: the same
    // request would get the same answer.
    internal static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, ResilienceContext context, TimeProvider time, TimeSpan maxRetryAfter)
    {
        var idempotent = context.GetRequestMessage() is { } request && IsIdempotent(request);
        if (outcome.Exception is { } exception)
        {
            return idempotent && IsLostAttempt(exception);
        }

        if (outcome.Result is not { } response)
        {
            return false;
        }

        // A wait longer than the cap is the caller's decision: the client reports it with RetryAfter set.
        if (ApiframeRetryPolicy.RetryAfter(response, time.GetUtcNow()) > maxRetryAfter)
        {
            return false;
        }

        return ApiframeRetryPolicy.IsRetriableStatus((int)response.StatusCode, idempotent);
    }

    // Reads (job polls, job listings, result downloads) never count: a slow or failing poll says nothing that
    // should stop submissions, and a breaker opened by polls would fail waits on jobs that are fine. A 429 is the
    // server pacing the caller, not failing.
    internal static bool CountsAgainstHealth(Outcome<HttpResponseMessage> outcome, ResilienceContext context)
    {
        if (context.GetRequestMessage() is { } request && IsRead(request))
        {
            return false;
        }

        if (outcome.Exception is { } exception)
        {
            return IsLostAttempt(exception);
        }

        return outcome.Result is { } response && (int)response.StatusCode is 500 or 502 or 503 or 504;
    }

    private static bool IsLostAttempt(Exception exception) =>
        exception is HttpRequestException || exception is TimeoutRejectedException || exception is IOException;

    private static bool IsRead(HttpRequestMessage request) => request.Method == HttpMethod.Get || request.Method == HttpMethod.Head;

    private static bool IsIdempotent(HttpRequestMessage request) =>
        IsRead(request) || (request.Method == HttpMethod.Post && request.Headers.Contains(IdempotencyKeyHeader));
}
