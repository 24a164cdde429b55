using System;
using System.Diagnostics;
using System.Globalization;

namespace Apiframe;

/// <summary>
/// Settings for <see cref="ApiframeClient"/>. The client copies them when it is created, so changing an
/// instance afterwards does not affect clients already made from it.
/// </summary>
[DebuggerDisplay("{ToString(),nq}")]
public sealed class ApiframeClientOptions
{
    /// <summary>The environment variable read when <see cref="ApiKey"/> is not set.</summary>
    public const string ApiKeyEnvironmentVariable = "APIFRAME_API_KEY";

    /// <summary>The environment variable read when <see cref="BaseAddress"/> is not set.</summary>
    public const string BaseAddressEnvironmentVariable = "APIFRAME_BASE_URL";

    /// <summary>The default of <see cref="MaxResponseBodyBytes"/>: 4 MiB, far above any job or page the API returns.</summary>
    public const int DefaultMaxResponseBodyBytes = 4 * 1024 * 1024;

    /// <summary>The public Apiframe API.</summary>
    public static Uri DefaultBaseAddress { get; } = new("https://api.apiframe.ai/");

    /// <summary>The key sent as <c>X-API-Key</c>; when unset, <c>APIFRAME_API_KEY</c> is used.</summary>
    [DebuggerBrowsable(DebuggerBrowsableState.Never)] // the debugger shows ToString(), which says only whether it is set
    public string? ApiKey { get; set; }

    /// <summary>
    /// Where the API lives (an emulator or a proxy, for example); when unset, <c>APIFRAME_BASE_URL</c>, then the
    /// <see cref="System.Net.Http.HttpClient.BaseAddress"/> of the client given, then <see cref="DefaultBaseAddress"/>.
    /// A path prefix is kept: <c>https://proxy/apiframe</c> posts to <c>https://proxy/apiframe/v2/...</c>.
    /// </summary>
    public Uri? BaseAddress { get; set; }

    /// <summary>
    /// Whether <see cref="IApiframeRequest.Validate"/> runs before any byte is sent (default). Turn it off when the
    /// server already accepts values that the schema you generated from still forbids.
    /// </summary>
    public bool ValidateRequests { get; set; } = true;

    /// <summary>How many times a failed call is tried again (429, 5xx, dropped connections, timeouts); 0 turns retries off.</summary>
    public int MaxRetries { get; set; } = 2;

    /// <summary>The first retry waits about this long; each later one doubles it, with random jitter.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>No backoff wait is longer than this.</summary>
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromSeconds(8);

    /// <summary>A server's <c>Retry-After</c> is honoured up to this long.</summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>One attempt of one call may take this long before it counts as timed out and is retried.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The first poll of a job whose usual duration is unknown waits this long.</summary>
    public TimeSpan PollDelayWithoutEstimate { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>After the first poll, polls start this far apart and grow by <see cref="PollBackoffFactor"/>.</summary>
    public TimeSpan MinPollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Polls are never further apart than this.</summary>
    public TimeSpan MaxPollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How much each poll interval grows over the one before.</summary>
    public double PollBackoffFactor { get; set; } = 1.5;

    /// <summary>How long waiting for a job may take before <see cref="ApiframeTimeoutException"/> is thrown.</summary>
    public TimeSpan PollTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// The largest JSON reply the client reads, in bytes (default 4 MiB). A longer reply fails at once with
    /// <see cref="ApiframeException"/> and is not retried; result files from
    /// <see cref="ApiframeClient.DownloadAsync"/> are streamed and not limited by it.
    /// </summary>
    public int MaxResponseBodyBytes { get; set; } = DefaultMaxResponseBodyBytes;

    /// <summary>
    /// Where Apiframe should post job events. When set, every submission whose request names no
    /// <c>webhookUrl</c> of its own asks for its <c>completed</c> and <c>failed</c> events there.
    /// </summary>
    public Uri? WebhookUrl { get; set; }

    /// <summary>
    /// Verified deliveries from your webhook endpoint (<c>MapApiframeWebhooks</c> fills it). When it is receiving
    /// and <see cref="WebhookUrl"/> is set, waits finish from the <c>completed</c> or <c>failed</c> event without
    /// polling.
    /// </summary>
    public Webhooks.ApiframeWebhookInbox? WebhookInbox { get; set; }

    /// <summary>
    /// How long a webhook-driven wait waits for the event before it falls back to polling, as a multiple of the
    /// model's average duration (default 3).
    /// </summary>
    public double WebhookFallbackFactor { get; set; } = 3;

    /// <summary>The clock every delay and timeout runs on; tests pass a fake one.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    // Jitter source; tests seed it. Random.Shared is thread-safe; any other instance is locked by the client.
    internal Random? Random { get; set; }

    /// <summary>The settings, with the API key reduced to whether it is set.</summary>
    public override string ToString() => string.Format(
        CultureInfo.InvariantCulture,
        "ApiframeClientOptions {{ ApiKey = {0}, BaseAddress = {1}, ValidateRequests = {2}, MaxRetries = {3}, AttemptTimeout = {4}, PollTimeout = {5}, WebhookUrl = {6} }}",
        string.IsNullOrEmpty(ApiKey) ? "(not set)" : "(redacted)",
        BaseAddress?.ToString() ?? "(default)",
        ValidateRequests,
        MaxRetries,
        AttemptTimeout,
        PollTimeout,
        // Without the query: a webhook URL may carry a token of its own.
        WebhookUrl?.GetLeftPart(UriPartial.Path) ?? "(not set)");
}
