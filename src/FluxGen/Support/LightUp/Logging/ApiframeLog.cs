using System;
using Microsoft.Extensions.Logging;

namespace Apiframe;

/// <summary>The client's log events, each with a fixed <see cref="EventId"/> to filter and alert on.</summary>
public static class ApiframeLog
{
    /// <summary>A request was accepted and a job created.</summary>
    public static readonly EventId SubmittedEvent = new(7101, "ApiframeSubmitted");

    /// <summary>A call is about to be tried again.</summary>
    public static readonly EventId RetryingEvent = new(7102, "ApiframeRetrying");

    /// <summary>A job was polled.</summary>
    public static readonly EventId PolledEvent = new(7103, "ApiframePolled");

    /// <summary>A job completed.</summary>
    public static readonly EventId CompletedEvent = new(7104, "ApiframeCompleted");

    /// <summary>A call or a job failed.</summary>
    public static readonly EventId FailedEvent = new(7105, "ApiframeFailed");

    // LoggerMessage.Define: cached, allocation-free when the level is off, no reflection (AOT-safe), and no
    // dependency on the logging source generator.
    internal static readonly Action<ILogger, string, string, string, Exception?> Submitted =
        LoggerMessage.Define<string, string, string>(LogLevel.Information, SubmittedEvent, "Apiframe {Model} job {JobId} submitted ({Status})");

    internal static readonly Action<ILogger, string, string, double, int, Exception?> Retrying =
        LoggerMessage.Define<string, string, double, int>(LogLevel.Warning, RetryingEvent, "Apiframe {Operation} retrying after {Reason} in {DelayMs} ms (attempt {Attempt})");

    internal static readonly Action<ILogger, string, string, int?, int, Exception?> Polled =
        LoggerMessage.Define<string, string, int?, int>(LogLevel.Debug, PolledEvent, "Apiframe job {JobId} is {Status} ({Progress}%), poll {Poll}");

    internal static readonly Action<ILogger, string, int, bool, int?, Exception?> Completed =
        LoggerMessage.Define<string, int, bool, int?>(LogLevel.Information, CompletedEvent, "Apiframe job {JobId} completed after {Polls} poll(s) (webhook: {FromWebhook}, credits: {Credits})");

    internal static readonly Action<ILogger, int?, string?, string, Exception?> Failed =
        LoggerMessage.Define<int?, string?, string>(LogLevel.Error, FailedEvent, "Apiframe call failed (status {StatusCode}, job {JobId}): {Reason}");
}
