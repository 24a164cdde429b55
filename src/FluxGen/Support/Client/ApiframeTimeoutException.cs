using System;

namespace Apiframe;

/// <summary>
/// Thrown when a job did not finish within the wait's timeout. It is a <see cref="TimeoutException"/>, never an
/// <see cref="OperationCanceledException"/>, so it cannot be mistaken for the caller cancelling.
/// </summary>
public sealed class ApiframeTimeoutException : TimeoutException
{
    /// <summary>Creates the exception for a job that was still running when the time ran out.</summary>
    public ApiframeTimeoutException(string jobId, TimeSpan timeout, ApiframeJob? lastSeen, Exception? innerException = null)
        : base($"Apiframe job {jobId} did not finish within {timeout}; last seen {(lastSeen is null ? "(never polled)" : lastSeen.Status.ToString())}.", innerException)
    {
        JobId = jobId;
        Timeout = timeout;
        LastSeen = lastSeen;
    }

    // For a wait on something other than a job (a LoRA's training), which says so in its own words.
    internal ApiframeTimeoutException(string message, string id, TimeSpan timeout, Exception? innerException)
        : base(message, innerException)
    {
        JobId = id;
        Timeout = timeout;
    }

    /// <summary>The job that was being waited for (for <c>WaitForLoraAsync</c>, the LoRA); it may still finish, so poll it again later.</summary>
    public string JobId { get; }

    /// <summary>How long the wait was allowed.</summary>
    public TimeSpan Timeout { get; }

    /// <summary>The job as the last poll saw it, if any poll answered.</summary>
    public ApiframeJob? LastSeen { get; }
}
