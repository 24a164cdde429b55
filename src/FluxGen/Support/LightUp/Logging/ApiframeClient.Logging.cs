using System;
using System.Net.Http;
using Microsoft.Extensions.Logging;

namespace Apiframe;

// Emitted only when the project references Microsoft.Extensions.Logging.Abstractions: the bodies of the client's
// logging hooks (see ApiframeClient.Hooks). Messages carry ids, statuses and numbers; never the key, which no
// exception message holds either.
public sealed partial class ApiframeClient
{
    private readonly ILogger? _logger;

    /// <summary>Creates a client with a connection pool of its own that logs to <paramref name="logger"/>.</summary>
    /// <param name="options">Settings; when <see langword="null"/>, the defaults and environment variables apply.</param>
    /// <param name="logger">Where submissions, retries, polls, completions and failures are logged.</param>
    public ApiframeClient(ApiframeClientOptions? options, ILogger<ApiframeClient>? logger)
        : this(options)
    {
        _logger = logger;
    }

    /// <summary>Creates a client that sends through <paramref name="httpClient"/> and logs to <paramref name="logger"/>.</summary>
    /// <param name="httpClient">The client to send with; its handler should not follow redirects by itself.</param>
    /// <param name="options">Settings; when <see langword="null"/>, the defaults and environment variables apply.</param>
    /// <param name="logger">Where submissions, retries, polls, completions and failures are logged.</param>
    public ApiframeClient(HttpClient httpClient, ApiframeClientOptions? options, ILogger<ApiframeClient>? logger)
        : this(httpClient, options)
    {
        _logger = logger;
    }

    partial void OnSubmitted(string model, string jobId, ApiframeJobStatus status)
    {
        if (_logger is { } logger)
        {
            ApiframeLog.Submitted(logger, model, jobId, status.Value, null);
        }
    }

    partial void OnRetrying(string operation, string reason, TimeSpan delay, int attempt)
    {
        if (_logger is { } logger)
        {
            ApiframeLog.Retrying(logger, operation, reason, delay.TotalMilliseconds, attempt, null);
        }
    }

    partial void OnPolled(string jobId, ApiframeJobStatus status, int? progress, int poll)
    {
        if (_logger is { } logger)
        {
            ApiframeLog.Polled(logger, jobId, status.Value, progress, poll, null);
        }
    }

    partial void OnCompleted(ApiframeJob job, int polls, bool fromWebhook)
    {
        if (_logger is { } logger)
        {
            ApiframeLog.Completed(logger, job.Id, polls, fromWebhook, job.CreditCost, null);
        }
    }

    partial void OnFailed(ApiframeException exception)
    {
        if (_logger is { } logger)
        {
            ApiframeLog.Failed(logger, exception.StatusCode, exception.Job?.Id, exception.Message, exception);
        }
    }
}
