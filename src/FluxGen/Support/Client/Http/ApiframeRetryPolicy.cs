using System;
using System.Net.Http;

namespace Apiframe;

// Which failures are worth another attempt, and how long to wait before it.
internal sealed class ApiframeRetryPolicy
{
    private readonly TimeSpan _baseDelay;
    private readonly TimeSpan _maxDelay;
    private readonly TimeSpan _maxRetryAfter;
    private readonly Random _random;

    internal ApiframeRetryPolicy(ApiframeClientOptions options)
    {
        MaxRetries = options.MaxRetries;
        _baseDelay = options.RetryBaseDelay;
        _maxDelay = options.RetryMaxDelay;
        _maxRetryAfter = options.MaxRetryAfter;
        _random = options.Random ?? SharedRandom;
    }

    internal int MaxRetries { get; }

    // 429 means the request was not processed, so it is always safe to repeat. A 5xx may have been processed, so
    // it is only repeated when a repeat cannot do anything twice: a GET, or a POST carrying an Idempotency-Key.
    internal static bool IsRetriableStatus(int status, bool idempotent) =>
        status == 429 || (idempotent && status is 500 or 502 or 503 or 504);

    // Equal jitter: half of the exponential step is fixed, so waits never collapse to zero, and the other half is
    // random, so many clients that failed together do not come back together.
    internal TimeSpan Backoff(int retryIndex)
    {
        var exponential = _baseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(retryIndex, 30));
        var step = Math.Min(exponential, _maxDelay.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(step / 2 + (step / 2 * NextDouble()));
    }

    // The server's Retry-After (seconds or an HTTP date) wins over backoff, up to a cap so that a hostile or
    // mistaken header cannot park the caller for hours.
    internal TimeSpan DelayBefore(int retryIndex, HttpResponseMessage? response, DateTimeOffset now)
    {
        var retryAfter = response is null ? null : RetryAfter(response, now);
        if (retryAfter is { } wait)
        {
            return wait > _maxRetryAfter ? _maxRetryAfter : wait;
        }

        return Backoff(retryIndex);
    }

    internal static TimeSpan? RetryAfter(HttpResponseMessage response, DateTimeOffset now)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - now;
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }

#if FLUXGEN_DOWNLEVEL
    // Random.Shared came with .NET 6; before it no instance is thread-safe, so the shared one is locked too.
    private static readonly Random SharedRandom = new();
#else
    private static Random SharedRandom => Random.Shared;
#endif

    private double NextDouble()
    {
#if !FLUXGEN_DOWNLEVEL
        if (ReferenceEquals(_random, Random.Shared))
        {
            return _random.NextDouble();
        }
#endif

        lock (_random)
        {
            return _random.NextDouble();
        }
    }
}
