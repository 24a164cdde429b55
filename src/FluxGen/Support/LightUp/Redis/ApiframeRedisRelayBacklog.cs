using System.Collections.Generic;

namespace Apiframe.Webhooks;

// Deliveries received while Redis could not be reached, shared once it is back: a wait that starts later on
// another instance, or a repeat of the delivery that reaches another instance, still finds them. Bounded, so an
// outage under a flood cannot grow memory without end; past the cap the oldest go (their own instance has already
// handled them, and waits elsewhere have polled).
internal sealed class ApiframeRedisRelayBacklog
{
    private const int Capacity = 1024;

    private readonly object _gate = new();
    private readonly Queue<Pending> _pending = new();

    internal void Add(Pending delivery)
    {
        lock (_gate)
        {
            _pending.Enqueue(delivery);
            if (_pending.Count > Capacity)
            {
                _pending.Dequeue();
            }
        }
    }

    internal Pending[] Drain()
    {
        lock (_gate)
        {
            var all = _pending.ToArray();
            _pending.Clear();
            return all;
        }
    }

    /// <summary>One delivery waiting to be shared; <see cref="FinalJobId"/> is set when it ends its job.</summary>
    internal readonly record struct Pending(string DeliveryId, string? FinalJobId, byte[] Message);
}
