using System;
using System.Threading;
using System.Threading.Tasks;

namespace Apiframe.Webhooks;

/// <summary>
/// Shares webhook deliveries among the instances of an app that sit behind one webhook URL (the Redis relay of
/// <c>AddApiframeRedisWebhooks</c> is one). The endpoint and the waits reach it through
/// <see cref="ApiframeWebhookInbox"/>; without one, every delivery stays with the instance that received it.
/// </summary>
internal abstract class ApiframeWebhookRelay
{
    /// <summary>
    /// Claims a verified delivery for this instance and hands its raw body and signature to every instance (a final
    /// event is also kept for waits that start later). Returns <see langword="true"/> when this instance is the first
    /// to act on the delivery (it runs the handlers), <see langword="false"/> when another instance already did, and
    /// <see langword="null"/> when the relay cannot be reached (the caller decides locally). Never throws.
    /// </summary>
    public abstract ValueTask<bool?> ClaimAndShareAsync(ApiframeWebhookEvent webhookEvent, string deliveryId, ReadOnlyMemory<byte> body, string signature);

    /// <summary>Gives a claim back after the handlers failed, so the sender's retry is acted on. Never throws.</summary>
    public abstract ValueTask ReleaseAsync(string deliveryId);

    /// <summary>
    /// The verified final event another instance kept for <paramref name="jobId"/>, or <see langword="null"/> when
    /// there is none or the relay cannot be reached. Never throws but for cancellation.
    /// </summary>
    public abstract Task<ApiframeWebhookEvent?> FindFinalEventAsync(string jobId, CancellationToken cancellationToken);
}
