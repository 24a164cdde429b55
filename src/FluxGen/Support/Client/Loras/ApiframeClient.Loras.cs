using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Apiframe;

// Reading, listing, deleting and waiting for LoRAs. Creating one takes the generated CreateLoraRequest, so its
// public method is generated beside it (see ApiframeClient.CreateLora).
public sealed partial class ApiframeClient
{
    private const string LorasPath = "/v2/loras";

    /// <summary>Reads one LoRA.</summary>
    /// <param name="id">The LoRA's id.</param>
    /// <param name="cancellationToken">Stops the call.</param>
    /// <exception cref="ApiframeException">The server refused (404: no such LoRA, or another team's).</exception>
    public Task<ApiframeLora> GetLoraAsync(string id, CancellationToken cancellationToken = default) =>
        GetJsonAsync("Apiframe.GetLora", LoraPath(id), ApiframeLoraReader.ReadLora, cancellationToken);

    /// <summary>Lists your team's LoRAs, newest first, fetching the next page (<c>nextCursor</c>) only when the
    /// previous one has been consumed.</summary>
    /// <param name="includeArchived">Whether deleted (archived) LoRAs are listed too.</param>
    /// <param name="cancellationToken">Stops the listing.</param>
    public IAsyncEnumerable<ApiframeLora> ListLorasAsync(bool includeArchived = false, CancellationToken cancellationToken = default) =>
        PagesAsync(
            "LoRA-list",
            cursor: null,
            cursor => LorasPath + "?includeArchived=" + (includeArchived ? "true" : "false") + (cursor is null ? string.Empty : "&cursor=" + Uri.EscapeDataString(cursor)),
            ApiframeLoraReader.ReadPage,
            cancellationToken);

    /// <summary>Deletes a LoRA: the server archives it (status ARCHIVED). Deleting an archived LoRA again succeeds.</summary>
    /// <param name="id">The LoRA's id.</param>
    /// <param name="cancellationToken">Stops the call.</param>
    /// <exception cref="ApiframeException">The server refused (404: no such LoRA, or another team's).</exception>
    public async Task DeleteLoraAsync(string id, CancellationToken cancellationToken = default)
    {
        var uri = Resolve(LoraPath(id));
        using var activity = ApiframeTelemetry.Start("Apiframe.DeleteLora");
        try
        {
            // Idempotent by the API's word, so retried like a read.
            using var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Delete, uri), idempotent: true, HttpCompletionOption.ResponseContentRead, sendApiKey: true, idempotencyKey: null, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            ApiframeTelemetry.Fail(activity, ex);
            throw;
        }
    }

    /// <summary>
    /// Polls a LoRA until it is READY, at the client's poll intervals (from <see cref="ApiframeClientOptions.MinPollInterval"/>
    /// growing to <see cref="ApiframeClientOptions.MaxPollInterval"/>).
    /// </summary>
    /// <param name="id">The LoRA's id.</param>
    /// <param name="progress">Told the LoRA's state after every poll.</param>
    /// <param name="timeout">How long to wait; <see cref="ApiframeClientOptions.PollTimeout"/> when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Stops waiting; training goes on.</param>
    /// <returns>The ready LoRA.</returns>
    /// <exception cref="ApiframeException">Training failed (the message and <see cref="ApiframeException.Error"/> give the
    /// server's reason), the LoRA was archived, or a poll was refused (404, ...).</exception>
    /// <exception cref="ApiframeTimeoutException">The LoRA was not ready when <paramref name="timeout"/> ran out (its
    /// <see cref="ApiframeTimeoutException.JobId"/> is the LoRA's id).</exception>
    public async Task<ApiframeLora> WaitForLoraAsync(string id, IProgress<ApiframeLora>? progress = null, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        ApiframeArgument.NotNullOrWhiteSpace(id, nameof(id));
        RequireApiKey();
        var limit = timeout ?? _options.PollTimeout;
        RequirePositive(limit, nameof(timeout));
        var time = _options.TimeProvider;
        using var activity = ApiframeTelemetry.Start("Apiframe.WaitForLora");
        using var deadline = ApiframeTimers.CancelAfter(time, limit);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        var schedule = new ApiframePollSchedule(TimeSpan.Zero, _options.MinPollInterval, _options.MaxPollInterval, _options.PollBackoffFactor);
        ApiframeLora? last = null;
        try
        {
            while (true)
            {
                await ApiframeTimers.Delay(time, schedule.NextDelay(), linked.Token).ConfigureAwait(false);
                ApiframeLora lora;
                try
                {
                    lora = await GetLoraAsync(id, linked.Token).ConfigureAwait(false);
                }
                catch (ApiframeException ex) when (ex.Transient)
                {
                    // As for a job: a passing failure says nothing about training; poll again on the schedule.
                    continue;
                }

                ApiframeTelemetry.Polls.Add(1);
                last = lora;
                progress?.Report(lora);
                if (lora.Status == ApiframeLoraStatus.Ready)
                {
                    return lora;
                }

                if (lora.Status == ApiframeLoraStatus.Failed || lora.Status == ApiframeLoraStatus.Archived)
                {
                    throw Failed(new ApiframeException(lora.Status == ApiframeLoraStatus.Failed
                        ? $"LoRA {lora.Id} failed to train: {lora.Error ?? "the server gave no reason"}."
                        : $"LoRA {lora.Id} was deleted (ARCHIVED) before it was ready.")
                    {
                        Error = lora.Error,
                    });
                }
            }
        }
        catch (OperationCanceledException ex) when (StoppedByWait(ex, deadline, cancellationToken))
        {
            throw WaitStopped(ex, id, limit, null, cancellationToken, activity, $"LoRA {id} was not ready within {limit}; last seen {(last is null ? "(never polled)" : last.Status.ToString())}.");
        }
        catch (ApiframeException ex)
        {
            ApiframeTelemetry.Fail(activity, ex);
            throw;
        }
    }

    private static string LoraPath(string id)
    {
        ApiframeArgument.NotNullOrWhiteSpace(id, nameof(id));
        return LorasPath + "/" + Uri.EscapeDataString(id);
    }
}
