using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Apiframe;

/// <summary>
/// An async client for Apiframe's v2 API over an <see cref="HttpClient"/> you own (one from
/// <c>IHttpClientFactory</c> works). It validates requests before sending them, retries what is safe to retry,
/// polls jobs on a schedule shaped by the model's usual duration, and streams results.
/// </summary>
public sealed partial class ApiframeClient
{
    private readonly HttpClient _httpClient;
    private readonly ApiframeClientOptions _options;
    private readonly string? _apiKey;
    private readonly ApiframeRetryPolicy _retry;

    /// <summary>Creates a client that sends through <paramref name="httpClient"/>.</summary>
    /// <param name="httpClient">The client to send with; its own headers and base address are left untouched.</param>
    /// <param name="options">Settings; when <see langword="null"/>, the defaults and environment variables apply.</param>
    public ApiframeClient(HttpClient httpClient, ApiframeClientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        _httpClient = httpClient;
        _options = Snapshot(options ?? new ApiframeClientOptions());
        _apiKey = NullIfEmpty(_options.ApiKey) ?? NullIfEmpty(Environment.GetEnvironmentVariable(ApiframeClientOptions.ApiKeyEnvironmentVariable));
        BaseAddress = _options.BaseAddress
            ?? BaseAddressFromEnvironment()
            ?? httpClient.BaseAddress
            ?? ApiframeClientOptions.DefaultBaseAddress;
        if (!BaseAddress.IsAbsoluteUri || (BaseAddress.Scheme != Uri.UriSchemeHttp && BaseAddress.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException("The Apiframe base address must be an absolute http or https URI.", nameof(options));
        }

        _retry = new ApiframeRetryPolicy(_options);
    }

    /// <summary>Where this client sends its calls.</summary>
    public Uri BaseAddress { get; }

    /// <summary>Reads one job as it is now.</summary>
    /// <param name="jobId">The id from <see cref="SubmitAsync"/>.</param>
    /// <param name="cancellationToken">Stops the call.</param>
    /// <exception cref="ApiframeException">The server answered with an error (404 for an unknown job).</exception>
    public async Task<ApiframeJob> GetJobAsync(string jobId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(jobId);
        var uri = Resolve("/v2/jobs/" + Uri.EscapeDataString(jobId));
        using var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Get, uri), idempotent: true, HttpCompletionOption.ResponseContentRead, sendApiKey: true, cancellationToken).ConfigureAwait(false);
        return await ReadBodyAsync(response, ApiframeJobReader.ReadJob, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The client's base address.</summary>
    public override string ToString() => "ApiframeClient " + BaseAddress;

    private static ApiframeClientOptions Snapshot(ApiframeClientOptions options)
    {
        if (options.MaxRetries < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "MaxRetries cannot be negative.");
        }

        if (options.PollBackoffFactor < 1 || double.IsNaN(options.PollBackoffFactor))
        {
            throw new ArgumentOutOfRangeException(nameof(options), "PollBackoffFactor must be at least 1.");
        }

        RequirePositive(options.AttemptTimeout, nameof(options.AttemptTimeout));
        RequirePositive(options.PollTimeout, nameof(options.PollTimeout));
        RequirePositive(options.MaxPollInterval, nameof(options.MaxPollInterval));
        RequirePositive(options.MinPollInterval, nameof(options.MinPollInterval));
        return new ApiframeClientOptions
        {
            ApiKey = options.ApiKey,
            BaseAddress = options.BaseAddress,
            ValidateRequests = options.ValidateRequests,
            MaxRetries = options.MaxRetries,
            RetryBaseDelay = NotNegative(options.RetryBaseDelay),
            RetryMaxDelay = NotNegative(options.RetryMaxDelay),
            MaxRetryAfter = NotNegative(options.MaxRetryAfter),
            AttemptTimeout = options.AttemptTimeout,
            PollDelayWithoutEstimate = NotNegative(options.PollDelayWithoutEstimate),
            MinPollInterval = options.MinPollInterval,
            MaxPollInterval = options.MaxPollInterval,
            PollBackoffFactor = options.PollBackoffFactor,
            PollTimeout = options.PollTimeout,
            TimeProvider = options.TimeProvider ?? TimeProvider.System,
            Random = options.Random,
        };
    }

    private static void RequirePositive(TimeSpan value, string name)
    {
        if (value <= TimeSpan.Zero && value != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(name, value, name + " must be positive (or Timeout.InfiniteTimeSpan).");
        }
    }

    private static TimeSpan NotNegative(TimeSpan value) => value < TimeSpan.Zero ? TimeSpan.Zero : value;

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private static Uri? BaseAddressFromEnvironment()
    {
        var text = NullIfEmpty(Environment.GetEnvironmentVariable(ApiframeClientOptions.BaseAddressEnvironmentVariable));
        if (text is null)
        {
            return null;
        }

        return Uri.TryCreate(text, UriKind.Absolute, out var uri)
            ? uri
            : throw new InvalidOperationException($"{ApiframeClientOptions.BaseAddressEnvironmentVariable} is not an absolute URI.");
    }
}
