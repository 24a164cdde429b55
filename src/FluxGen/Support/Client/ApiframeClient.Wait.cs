using System;
using System.Threading;
using System.Threading.Tasks;

namespace Apiframe;

// Waiting for a job to finish.
public sealed partial class ApiframeClient
{
    /// <summary>
    /// Polls a job until it finishes. The first poll comes after <paramref name="expectedDuration"/> (the model's
    /// usual duration), later ones at short, growing intervals, so a job that takes its usual time costs few polls.
    /// </summary>
    /// <param name="jobId">The id from <see cref="SubmitAsync"/>.</param>
    /// <param name="progress">Told the job's state after every poll, the last one included.</param>
    /// <param name="timeout">How long to wait; <see cref="ApiframeClientOptions.PollTimeout"/> when <see langword="null"/>.</param>
    /// <param name="expectedDuration">When to poll first, usually <see cref="ApiframeModelInfo.AverageDuration"/>;
    /// <see cref="ApiframeClientOptions.PollDelayWithoutEstimate"/> when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Stops waiting (an <see cref="OperationCanceledException"/>); the job itself may still run.</param>
    /// <returns>The completed job.</returns>
    /// <exception cref="ApiframeException">The job failed or was cancelled (see <see cref="ApiframeException.Job"/>), or a poll was
    /// refused (401, 404, ...). A poll that fails for a passing reason (5xx, 429, no answer, an open circuit breaker)
    /// does not end the wait: the next poll comes on the schedule.</exception>
    /// <exception cref="ApiframeTimeoutException">The job had not finished when <paramref name="timeout"/> ran out.</exception>
    public async Task<ApiframeJob> WaitForCompletionAsync(
        string jobId,
        IProgress<ApiframeJob>? progress = null,
        TimeSpan? timeout = null,
        TimeSpan? expectedDuration = null,
        CancellationToken cancellationToken = default)
    {
        ApiframeArgument.NotNullOrWhiteSpace(jobId, nameof(jobId));
        RequireApiKey();
        var limit = timeout ?? _options.PollTimeout;
        RequirePositive(limit, nameof(timeout));
        var time = _options.TimeProvider;
        var expected = expectedDuration ?? _options.PollDelayWithoutEstimate;
        using var activity = ApiframeTelemetry.Start("Apiframe.Wait");
        activity?.SetTag(ApiframeTelemetry.JobIdTag, jobId);
        var started = time.GetTimestamp();

        // The deadline also cuts short a poll that is in flight when it passes, so it is a token, not a check
        // between polls; which token fired tells a timeout from the caller's cancellation.
        using var deadline = ApiframeTimers.CancelAfter(time, limit);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        ApiframeJob? last = null;
        var polls = 0;
        try
        {
            var schedule = new ApiframePollSchedule(expected, _options.MinPollInterval, _options.MaxPollInterval, _options.PollBackoffFactor);

            // With a webhook endpoint feeding the inbox, the completed or failed event ends the wait with no poll
            // at all. Polling is only the fallback, for an event that has not come within a few average durations.
            if (_options.WebhookUrl is not null && _options.WebhookInbox is { IsReceiving: true } inbox && expected > TimeSpan.Zero)
            {
                var patience = TimeSpan.FromTicks((long)Math.Min(expected.Ticks * _options.WebhookFallbackFactor, TimeSpan.MaxValue.Ticks / 2));
                var final = await inbox.WaitForFinalEventAsync(jobId, patience, time, linked.Token).ConfigureAwait(false);
                if (final is not null)
                {
                    var job = FromEvent(jobId, final);
                    last = job;
                    progress?.Report(job);
                    return Finish(job, activity, polls, fromWebhook: true, started);
                }

                schedule = new ApiframePollSchedule(TimeSpan.Zero, _options.MinPollInterval, _options.MaxPollInterval, _options.PollBackoffFactor);
            }

            while (true)
            {
                await ApiframeTimers.Delay(time, schedule.NextDelay(), linked.Token).ConfigureAwait(false);
                ApiframeJob job;
                try
                {
                    job = await GetJobAsync(jobId, linked.Token).ConfigureAwait(false);
                }
                catch (ApiframeException ex) when (ex.Transient)
                {
                    // A poll that met a 5xx, a 429, a dropped connection or an open circuit breaker (after its own
                    // retries) says nothing about the job, which is still running or done on the server: give up on
                    // this poll, not on the wait, and poll again on the schedule (the failure was logged as one). The
                    // wait's deadline bounds how long.
                    continue;
                }

                polls++;
                ApiframeTelemetry.Polls.Add(1);
                last = job;
                OnPolled(jobId, job.Status, job.Progress, polls);
                progress?.Report(job);
                if (job.Status.IsTerminal)
                {
                    return Finish(job, activity, polls, fromWebhook: false, started);
                }
            }
        }
        catch (OperationCanceledException ex) when (StoppedByWait(ex, deadline, cancellationToken))
        {
            throw WaitStopped(ex, jobId, limit, last, cancellationToken, activity);
        }
        catch (ApiframeException ex)
        {
            ApiframeTelemetry.Fail(activity, ex);
            throw;
        }
    }

    // A wait stopped by its own deadline, or by the caller's token through the internal linked one.
    private static bool StoppedByWait(OperationCanceledException ex, CancellationTokenSource deadline, CancellationToken cancellationToken) =>
        cancellationToken.IsCancellationRequested ? ex.CancellationToken != cancellationToken : deadline.IsCancellationRequested;

    // The deadline is a timeout naming what was waited for; the caller's cancellation is reported on the caller's own
    // token, not the internal linked one, so callers can match on it.
    private static Exception WaitStopped(OperationCanceledException ex, string id, TimeSpan limit, ApiframeJob? last, CancellationToken cancellationToken, System.Diagnostics.Activity? activity, string? timeoutMessage = null)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return new OperationCanceledException(ex.Message, ex, cancellationToken);
        }

        var timedOut = timeoutMessage is null ? new ApiframeTimeoutException(id, limit, last, ex) : new ApiframeTimeoutException(timeoutMessage, id, limit, ex);
        ApiframeTelemetry.Fail(activity, timedOut);
        return timedOut;
    }

    private ApiframeJob Finish(ApiframeJob job, System.Diagnostics.Activity? activity, int polls, bool fromWebhook, long started)
    {
        activity?.SetTag(ApiframeTelemetry.StatusTag, job.Status.Value);
        activity?.SetTag(ApiframeTelemetry.PollsTag, polls);
        activity?.SetTag(ApiframeTelemetry.ModelTag, job.Model);
        activity?.SetTag(ApiframeTelemetry.CreditsTag, job.CreditCost);
        ApiframeTelemetry.TagGenAiResponse(activity, job);
        ApiframeTelemetry.Finished(job, _options.TimeProvider.GetElapsedTime(started));
        if (job.Status == ApiframeJobStatus.Completed)
        {
            OnCompleted(job, polls, fromWebhook);
            return job;
        }

        throw Failed(ApiframeException.ForFinishedJob(job));
    }

    // A webhook body carries what a final poll would have said; the status comes from the event when the body
    // leaves it out.
    private static ApiframeJob FromEvent(string jobId, Webhooks.ApiframeWebhookEvent e) => new()
    {
        Id = e.JobId.Length == 0 ? jobId : e.JobId,
        Status = e.Status.IsTerminal
            ? e.Status
            : e.Event == Webhooks.ApiframeWebhookEventKind.Completed ? ApiframeJobStatus.Completed : ApiframeJobStatus.Failed,
        Model = e.Model,
        Progress = e.Progress,
        Error = e.Error,
        CreditCost = e.CreditCost,
        CompletedAt = e.CompletedAt,
        Images = e.Images,
        Videos = e.Videos,
        Audio = e.Audio,
        Result = e.Result,
        GridUrl = e.GridUrl,
    };
}
