using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Apiframe;

/// <summary>
/// An async client for Apiframe's v2 API, over a connection pool of its own or an <see cref="HttpClient"/> you
/// own (one from <c>IHttpClientFactory</c> works). It validates requests before sending them, retries what is safe
/// to retry, polls jobs on a schedule shaped by the model's usual duration, and streams results.
/// </summary>
public sealed partial class ApiframeClient : IDisposable
{
    // Long enough to reuse connections, short enough that a DNS change (a failover) is seen within minutes.
    private static readonly TimeSpan PooledConnectionLifetime = TimeSpan.FromMinutes(2);

    private readonly HttpClient _httpClient;
    private readonly bool _ownsHttpClient;
    private readonly ApiframeClientOptions _options;
    private readonly string? _apiKey;
    private readonly ApiframeRetryPolicy _retry;

    /// <summary>
    /// Creates a client with a connection pool of its own, whose handler never follows redirects by itself (the
    /// client does, sending the key only to the API's origin) and, on .NET Core, renews connections every two minutes
    /// so DNS changes are seen. Dispose the client to close its connections.
    /// </summary>
    /// <param name="options">Settings; when <see langword="null"/>, the defaults and environment variables apply.</param>
    public ApiframeClient(ApiframeClientOptions? options = null)
        : this(CreateOwnedHttpClient(options), options, ownsHttpClient: true)
    {
    }

    /// <summary>
    /// Creates a client that sends through <paramref name="httpClient"/>. Give it one whose handler has
    /// <c>AllowAutoRedirect = false</c>: the client then follows redirects itself and keeps the API key to the
    /// API's origin; a handler that redirects by itself to another origin makes calls fail with
    /// <see cref="ApiframeException"/>.
    /// </summary>
    /// <param name="httpClient">The client to send with; its own headers and base address are left untouched.</param>
    /// <param name="options">Settings; when <see langword="null"/>, the defaults and environment variables apply.</param>
    public ApiframeClient(HttpClient httpClient, ApiframeClientOptions? options = null)
        : this(httpClient, options, ownsHttpClient: false)
    {
    }

    private ApiframeClient(HttpClient httpClient, ApiframeClientOptions? options, bool ownsHttpClient)
    {
        ApiframeArgument.NotNull(httpClient, nameof(httpClient));
        _httpClient = httpClient;
        _ownsHttpClient = ownsHttpClient;
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
        ApiframeArgument.NotNullOrWhiteSpace(jobId, nameof(jobId));
        var uri = Resolve("/v2/jobs/" + Uri.EscapeDataString(jobId));
        using var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Get, uri), idempotent: true, HttpCompletionOption.ResponseContentRead, sendApiKey: true, idempotencyKey: null, cancellationToken).ConfigureAwait(false);
        return await ReadBodyAsync(response, ApiframeJobReader.ReadJob, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Closes the connection pool the client created; an <see cref="HttpClient"/> you gave it is left open.</summary>
    public void Dispose()
    {
        if (_ownsHttpClient)
        {
            _httpClient.Dispose();
        }
    }

    /// <summary>The client's base address.</summary>
    public override string ToString() => "ApiframeClient " + BaseAddress;

    private static HttpClient CreateOwnedHttpClient(ApiframeClientOptions? options)
    {
        // Settings are checked before the pool exists, so a bad setting leaves nothing behind to dispose.
        if (options is not null)
        {
            Snapshot(options);
        }

#if FLUXGEN_DOWNLEVEL
        // SocketsHttpHandler is .NET Core 2.1 and later; .NET Framework's handler has no connection lifetime (its
        // ServicePointManager settings govern DNS refresh there).
        return new(new HttpClientHandler { AllowAutoRedirect = false })
#else
        return new(new SocketsHttpHandler { AllowAutoRedirect = false, PooledConnectionLifetime = PooledConnectionLifetime })
#endif
        {
            // Each attempt has its own timeout (AttemptTimeout); HttpClient's would cut long downloads short.
            Timeout = Timeout.InfiniteTimeSpan,
        };
    }

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

        if (options.MaxResponseBodyBytes <= 0 || options.MaxResponseBodyBytes == int.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "MaxResponseBodyBytes must be positive and below int.MaxValue.");
        }

        if (!(options.WebhookFallbackFactor > 0) || double.IsInfinity(options.WebhookFallbackFactor))
        {
            throw new ArgumentOutOfRangeException(nameof(options), "WebhookFallbackFactor must be a positive number.");
        }

        if (options.WebhookUrl is { } hook && (!hook.IsAbsoluteUri || (hook.Scheme != Uri.UriSchemeHttp && hook.Scheme != Uri.UriSchemeHttps)))
        {
            throw new ArgumentException("WebhookUrl must be an absolute http or https URI.", nameof(options));
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
            MaxResponseBodyBytes = options.MaxResponseBodyBytes,
            WebhookUrl = options.WebhookUrl,
            WebhookInbox = options.WebhookInbox,
            WebhookFallbackFactor = options.WebhookFallbackFactor,
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
