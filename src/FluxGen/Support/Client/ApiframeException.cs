using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;

namespace Apiframe;

/// <summary>
/// The one exception the Apiframe client throws for a failed call or a failed job: an error status from the
/// server (with whatever the body said), a connection that kept failing, or a job that ended FAILED or CANCELLED.
/// Its text never contains the API key.
/// </summary>
public sealed class ApiframeException : Exception
{
    /// <summary>Creates the exception with a message.</summary>
    public ApiframeException(string message)
        : this(message, null)
    {
    }

    /// <summary>Creates the exception with a message and the exception that caused it.</summary>
    public ApiframeException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The HTTP status code, or <see langword="null"/> when no response came (or for a failed job).</summary>
    public int? StatusCode { get; init; }

    /// <summary>The server's <c>error</c> text, or the reason a job failed.</summary>
    public string? Error { get; init; }

    /// <summary>Per-field messages from a 400 response, keyed by JSON path (for example <c>fluxParams.seed</c>).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Details { get; init; } = NoDetails;

    // ReadOnlyDictionary<,>.Empty is a .NET 8 API; one shared empty instance serves every target.
    internal static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> NoDetails =
        new ReadOnlyDictionary<string, IReadOnlyList<string>>(new Dictionary<string, IReadOnlyList<string>>());

    /// <summary>Credits the call needed (402 responses).</summary>
    public int? CreditsRequired { get; init; }

    /// <summary>Credits the account had (402 responses).</summary>
    public int? CreditsAvailable { get; init; }

    /// <summary>The server's <c>x-request-id</c>, to quote to support.</summary>
    public string? RequestId { get; init; }

    /// <summary>The response body as text (possibly cut short), whether or not it was JSON.</summary>
    public string? ResponseBody { get; init; }

    /// <summary>How long the server asked to wait (429 and 503 responses).</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>The job, when the exception reports a job that failed or was cancelled.</summary>
    public ApiframeJob? Job { get; init; }

    /// <summary>
    /// The <c>Idempotency-Key</c> of the submission this call made, when the call submitted a request. When the
    /// failure leaves it unknown whether the job was created (a timeout, a dropped connection, a 5xx after the
    /// retries), the message says so: pass this key to <see cref="ApiframeClient.SubmitAsync"/> or
    /// <see cref="ApiframeClient.GenerateAsync(IApiframeRequest, string?, System.IProgress{ApiframeJob}?, System.TimeSpan?, System.Threading.CancellationToken)"/>
    /// with the same request to resume that job; the server never creates (or bills) a second one for it.
    /// </summary>
    // Set after construction: the key belongs to the submit or generate call, which learns of the failure last.
    public string? IdempotencyKey { get; internal set; }

    // A failure that says nothing about the job or the request (no response, a 429 or 5xx, a resilience pipeline's
    // rejection): a wait polls again instead of giving up on a job that is still there.
    internal bool Transient { get; init; }

    internal static ApiframeException ForFinishedJob(ApiframeJob job)
    {
        var verb = job.Status == ApiframeJobStatus.Cancelled ? "was cancelled" : "failed";
        var reason = string.IsNullOrEmpty(job.Error) ? "the server gave no reason." : job.Error;
        return new ApiframeException($"Apiframe job {job.Id} {verb}: {reason}")
        {
            Error = job.Error,
            Job = job,
        };
    }
}
