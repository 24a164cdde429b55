using FluxGen.Emulator.Images;
using FluxGen.Emulator.Time;
using FluxGen.Emulator.Webhooks;

namespace FluxGen.Emulator.Jobs;

/// <summary>
/// Moves jobs along their timeline: QUEUED for the first tenth, PROCESSING with progress rising to 99, then
/// COMPLETED (images rendered, credits billed) or FAILED (nothing billed). It runs whenever a job is read and on a
/// short timer, so the state a poll sees never lags the clock and webhooks go out without anyone polling.
/// </summary>
internal sealed class JobRunner
{
    private readonly EmulatorClock _clock;
    private readonly CreditLedger _ledger;
    private readonly WebhookDispatcher _webhooks;
    private readonly EmulatorOptions _options;

    public JobRunner(EmulatorClock clock, CreditLedger ledger, WebhookDispatcher webhooks, EmulatorOptions options)
    {
        _clock = clock;
        _ledger = ledger;
        _webhooks = webhooks;
        _options = options;
    }

    public void Advance(EmulatedJob job)
    {
        var now = _clock.UtcNow;
        lock (job.Gate)
        {
            if (job.IsTerminal)
            {
                return;
            }

            if (now < job.ProcessingAt)
            {
                return;
            }

            if (now < job.EndsAt)
            {
                var processing = job.CreatedAt + job.Duration - job.ProcessingAt;
                var progress = processing <= TimeSpan.Zero ? 99 : (int)Math.Clamp((now - job.ProcessingAt) / processing * 100, 0, 99);
                job.Status = JobStatus.Processing;
                job.Progress = progress;

                // One progress event per tenth reached, carrying the progress of the moment it was noticed.
                if (progress / 10 > job.LastProgressEvent)
                {
                    job.LastProgressEvent = progress / 10;
                    _webhooks.Post(job, "progress", JobJson.WebhookBody("progress", Unlocked(job)));
                }

                return;
            }

            if (job.WillFail)
            {
                var processing = job.CreatedAt + job.Duration - job.ProcessingAt;
                job.Status = JobStatus.Failed;
                job.Progress = processing <= TimeSpan.Zero ? 0 : (int)Math.Clamp((job.EndsAt - job.ProcessingAt) / processing * 100, 0, 99);
                job.Error = _options.JobFailureReason;
                job.CreditCost = 0;
                job.CompletedAt = job.EndsAt;
                _webhooks.Post(job, "failed", JobJson.WebhookBody("failed", Unlocked(job)));
            }
            else
            {
                var files = new List<byte[]>(job.Images.Count);
                var urls = new List<string>(job.Images.Count);
                for (var i = 0; i < job.Images.Count; i++)
                {
                    files.Add(Media.MediaRenderer.Render(job.Images, i));
                    urls.Add(new Uri(job.FilesBase, $"files/{job.Id}/{i}.{job.Images.Extension}").AbsoluteUri);
                }

                job.Files = files;
                job.ImageUrls = urls;
                job.Status = JobStatus.Completed;
                job.Progress = 100;
                job.CreditCost = job.Cost;
                job.CompletedAt = job.EndsAt;
                _ledger.Bill(new LedgerEntry(job.Id, job.Cost, job.Schema.Model, job.ApiKey, now));
                _webhooks.Post(job, "completed", JobJson.WebhookBody("completed", Unlocked(job)));
            }

            _webhooks.Close(job);
        }
    }

    // Snapshot() takes the job's lock, which this thread already holds; Monitor locks are re-entrant.
    private static JobSnapshot Unlocked(EmulatedJob job) => job.Snapshot();
}
