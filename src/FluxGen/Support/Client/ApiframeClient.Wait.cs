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
    /// <exception cref="ApiframeException">The job failed or was cancelled (see <see cref="ApiframeException.Job"/>), or a poll was refused.</exception>
    /// <exception cref="ApiframeTimeoutException">The job had not finished when <paramref name="timeout"/> ran out.</exception>
    public async Task<ApiframeJob> WaitForCompletionAsync(
        string jobId,
        IProgress<ApiframeJob>? progress = null,
        TimeSpan? timeout = null,
        TimeSpan? expectedDuration = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(jobId);
        RequireApiKey();
        var limit = timeout ?? _options.PollTimeout;
        RequirePositive(limit, nameof(timeout));
        var time = _options.TimeProvider;
        var schedule = new ApiframePollSchedule(
            expectedDuration ?? _options.PollDelayWithoutEstimate,
            _options.MinPollInterval,
            _options.MaxPollInterval,
            _options.PollBackoffFactor);

        // The deadline also cuts short a poll that is in flight when it passes, so it is a token, not a check
        // between polls; which token fired tells a timeout from the caller's cancellation.
        using var deadline = limit == Timeout.InfiniteTimeSpan ? new CancellationTokenSource() : new CancellationTokenSource(limit, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        ApiframeJob? last = null;
        try
        {
            while (true)
            {
                await Task.Delay(schedule.NextDelay(), time, linked.Token).ConfigureAwait(false);
                var job = await GetJobAsync(jobId, linked.Token).ConfigureAwait(false);
                last = job;
                progress?.Report(job);
                if (job.Status == ApiframeJobStatus.Completed)
                {
                    return job;
                }

                if (job.Status == ApiframeJobStatus.Failed || job.Status == ApiframeJobStatus.Cancelled)
                {
                    throw ApiframeException.ForFinishedJob(job);
                }
            }
        }
        catch (OperationCanceledException ex) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new ApiframeTimeoutException(jobId, limit, last, ex);
        }
        catch (OperationCanceledException ex) when (cancellationToken.IsCancellationRequested && ex.CancellationToken != cancellationToken)
        {
            // Report the caller's own token, not the internal linked one, so callers can match on it.
            throw new OperationCanceledException(ex.Message, ex, cancellationToken);
        }
    }
}
