using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace Apiframe.Webhooks;

/// <summary>
/// Verified webhook deliveries, handed to the waits that expect them. <c>MapApiframeWebhooks</c> publishes every
/// delivery here; give the same inbox to <see cref="ApiframeClientOptions.WebhookInbox"/> (the DI set-up does) and
/// waits finish from the <c>completed</c> or <c>failed</c> event without polling.
/// </summary>
public sealed class ApiframeWebhookInbox
{
    // Bounds on what is remembered, so a flood of deliveries cannot grow memory without end.
    private const int RememberedDeliveries = 4096;
    private const int RememberedFinishedJobs = 1024;

    private readonly object _gate = new();
    private readonly Dictionary<string, TaskCompletionSource<ApiframeWebhookEvent>> _waiters = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ApiframeWebhookEvent> _unclaimed = new(StringComparer.Ordinal);
    private readonly Queue<string> _unclaimedOrder = new();
    private readonly HashSet<string> _deliveries = new(StringComparer.Ordinal);
    private readonly Queue<string> _deliveryOrder = new();
    private volatile bool _receiving;

    /// <summary>Whether an endpoint feeds this inbox; waits use it only then.</summary>
    public bool IsReceiving => _receiving;

    /// <summary>Says that an endpoint now feeds this inbox (<c>MapApiframeWebhooks</c> calls it).</summary>
    public void MarkReceiving() => _receiving = true;

    // Set when several instances share one webhook URL (AddApiframeRedisWebhooks): the endpoint shares each delivery
    // through it, and a wait asks it for an event another instance received before the wait began.
    internal ApiframeWebhookRelay? Relay { get; set; }

    /// <summary>
    /// Hands over one verified delivery. Returns <see langword="false"/>, and does nothing, for a delivery already
    /// published (the same <paramref name="deliveryId"/>, for example the signature of the same body).
    /// </summary>
    /// <param name="webhookEvent">The verified event.</param>
    /// <param name="deliveryId">What identifies the delivery; a repeat of it is ignored.</param>
    public bool Publish(ApiframeWebhookEvent webhookEvent, string deliveryId)
    {
        ApiframeArgument.NotNull(webhookEvent, nameof(webhookEvent));
        ApiframeArgument.NotNullOrEmpty(deliveryId, nameof(deliveryId));
        TaskCompletionSource<ApiframeWebhookEvent>? waiter = null;
        lock (_gate)
        {
            if (!Remember(_deliveries, _deliveryOrder, deliveryId, RememberedDeliveries))
            {
                return false;
            }

            if (!IsFinal(webhookEvent) || webhookEvent.JobId.Length == 0)
            {
                return true;
            }

            if (_waiters.Remove(webhookEvent.JobId, out waiter))
            {
                // Completed outside the lock below.
            }
            else
            {
                // The event can beat the submission's own reply: keep it for the wait that is about to start.
                if (!_unclaimed.ContainsKey(webhookEvent.JobId))
                {
                    _unclaimedOrder.Enqueue(webhookEvent.JobId);
                    if (_unclaimedOrder.Count > RememberedFinishedJobs)
                    {
                        _unclaimed.Remove(_unclaimedOrder.Dequeue());
                    }
                }

                _unclaimed[webhookEvent.JobId] = webhookEvent;
            }
        }

        waiter?.TrySetResult(webhookEvent);
        return true;
    }

    // Lets a delivery be published again (its handlers failed, so the sender's retry must get through).
    internal void Forget(string deliveryId)
    {
        lock (_gate)
        {
            _deliveries.Remove(deliveryId);
        }
    }

    /// <summary>Whether an event ends its job (<c>completed</c> or <c>failed</c>).</summary>
    internal static bool IsFinal(ApiframeWebhookEvent e) =>
        e.Event == ApiframeWebhookEventKind.Completed || e.Event == ApiframeWebhookEventKind.Failed || e.Status.IsTerminal;

    // The job's completed or failed event, or null when none came within the timeout.
    internal async Task<ApiframeWebhookEvent?> WaitForFinalEventAsync(string jobId, TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        TaskCompletionSource<ApiframeWebhookEvent> waiter;
        lock (_gate)
        {
            if (_unclaimed.Remove(jobId, out var early))
            {
                return early;
            }

            if (!_waiters.TryGetValue(jobId, out waiter!))
            {
                waiter = new TaskCompletionSource<ApiframeWebhookEvent>(TaskCreationOptions.RunContinuationsAsynchronously);
                _waiters[jobId] = waiter;
            }
        }

        try
        {
            // Asked only once the waiter is in place, so an event relayed while the answer is on its way still
            // reaches this wait.
            if (Relay is { } relay && await relay.FindFinalEventAsync(jobId, cancellationToken).ConfigureAwait(false) is { } kept)
            {
                waiter.TrySetResult(kept);
            }

            return await waiter.Task.WaitAsync(timeout, time, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            return null;
        }
        finally
        {
            lock (_gate)
            {
                // Publish removes the waiter it completes; one completed from the relay's kept event is removed here.
                if (_waiters.TryGetValue(jobId, out var current) && ReferenceEquals(current, waiter))
                {
                    _waiters.Remove(jobId);
                }
            }
        }
    }

    private static bool Remember(HashSet<string> set, Queue<string> order, string item, int limit)
    {
        if (!set.Add(item))
        {
            return false;
        }

        order.Enqueue(item);
        if (order.Count > limit)
        {
            set.Remove(order.Dequeue());
        }

        return true;
    }
}
