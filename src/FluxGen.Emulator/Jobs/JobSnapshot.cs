namespace FluxGen.Emulator;

/// <summary>A job as the emulator holds it at one moment: what <c>GET /v2/jobs/{id}</c> shows, plus test-only facts.</summary>
/// <param name="Id">The job id (a UUID).</param>
/// <param name="Status"><c>QUEUED</c>, <c>PROCESSING</c>, <c>COMPLETED</c> or <c>FAILED</c>.</param>
/// <param name="Model">The model the job runs.</param>
/// <param name="Progress">0..100 while processing, 100 when completed, null while queued.</param>
/// <param name="ImageUrls">Absolute URLs of the result files; empty until completed.</param>
/// <param name="Error">Why the job failed; null otherwise.</param>
/// <param name="CreditCost">Credits billed: null until the job ends, 0 for a failed job.</param>
/// <param name="WebhookStatus">null without a webhook; <c>pending</c>, then <c>delivered</c> or <c>failed</c>.</param>
/// <param name="CreatedAt">When the job was created, on the emulator's clock.</param>
/// <param name="CompletedAt">When the job ended; null while it runs.</param>
/// <param name="InputJson">The request body exactly as received.</param>
/// <param name="ApiKey">The key the job was submitted with; only that key can see it.</param>
/// <param name="IdempotencyKey">The submit's <c>Idempotency-Key</c> header, if any.</param>
/// <param name="WillFail">Whether fault injection planned this job to fail.</param>
/// <param name="Duration">How long the job runs from creation to its end, on the emulator's clock.</param>
public sealed record JobSnapshot(
    string Id,
    string Status,
    string Model,
    int? Progress,
    IReadOnlyList<string> ImageUrls,
    string? Error,
    int? CreditCost,
    string? WebhookStatus,
    DateTimeOffset CreatedAt,
    DateTimeOffset? CompletedAt,
    string InputJson,
    string ApiKey,
    string? IdempotencyKey,
    bool WillFail,
    TimeSpan Duration)
{
    /// <summary>The member of <c>result</c> that lists the files: <c>images</c>, <c>videos</c> or <c>audio</c>.</summary>
    public string ResultKey { get; init; } = "images";

    /// <summary>Whether the job has ended (COMPLETED or FAILED).</summary>
    public bool IsTerminal => Status is JobStatus.Completed or JobStatus.Failed;
}
