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
    /// Hands a verified delivery's raw body and signature to every instance (a final event is also kept for waits
    /// that start later) and claims the delivery for this instance. Never throws: when the relay cannot be reached the
    /// answer is <see cref="ApiframeWebhookClaim.Unavailable"/> and the caller decides locally.
    /// </summary>
    public abstract ValueTask<ApiframeWebhookClaim> ClaimAndShareAsync(ApiframeWebhookEvent webhookEvent, string deliveryId, ReadOnlyMemory<byte> body, string signature);

    /// <summary>Records that the handlers saw a claimed delivery to the end, so a repeat is not acted on. Never throws.</summary>
    public abstract ValueTask CompleteAsync(string deliveryId);

    /// <summary>Gives a claim back after the handlers failed, so the sender's retry is acted on. Never throws.</summary>
    public abstract ValueTask ReleaseAsync(string deliveryId);

    /// <summary>
    /// The verified final event another instance kept for <paramref name="jobId"/>, or <see langword="null"/> when
    /// there is none or the relay cannot be reached. Never throws but for cancellation.
    /// </summary>
    public abstract Task<ApiframeWebhookEvent?> FindFinalEventAsync(string jobId, CancellationToken cancellationToken);
}

/// <summary>Who acts on a delivery, as the instances sharing a webhook URL agree.</summary>
internal enum ApiframeWebhookClaim
{
    /// <summary>The relay could not be reached; the instance decides on its own.</summary>
    Unavailable,

    /// <summary>This instance is the first: it runs the handlers.</summary>
    Claimed,

    /// <summary>An instance has already handled the delivery to the end.</summary>
    Handled,

    /// <summary>Another instance is handling it right now; if that one fails, the sender's retry must get through.</summary>
    InProgress,
}
