namespace Apiframe;

/// <summary>The server's answer to a submitted request (<c>202 Accepted</c>).</summary>
/// <param name="JobId">The new job's id, for <see cref="ApiframeClient.GetJobAsync"/> and <see cref="ApiframeClient.WaitForCompletionAsync"/>.</param>
/// <param name="Status">The status when the job was stored; usually queued, a later one for an idempotent replay.</param>
/// <param name="IdempotencyKey">The key the request was sent with; submit again with it to get the same job, not a second charge.</param>
public sealed record ApiframeSubmission(string JobId, ApiframeJobStatus Status, string IdempotencyKey);
