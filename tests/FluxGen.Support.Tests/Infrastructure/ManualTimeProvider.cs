using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace FluxGen.Support.Tests.Infrastructure;

/// <summary>
/// A clock that only moves when a test moves it. Timers fire in due order on the thread that advances the clock;
/// what runs after them (Task.Delay continuations go through the thread pool) is awaited by <see cref="Harness"/>
/// through <see cref="Changed"/>, which completes whenever a timer is set or a fake request parks.
/// </summary>
public sealed class ManualTimeProvider : TimeProvider
{
    private readonly object _gate = new();
    private readonly List<ManualTimer> _timers = new();
    private DateTimeOffset _now;
    private long _sequence;
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ManualTimeProvider(DateTimeOffset? start = null)
    {
        _now = start ?? new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);
        Start = _now;
    }

    public DateTimeOffset Start { get; }

    public TimeSpan Elapsed => GetUtcNow() - Start;

    public int PendingTimers
    {
        get
        {
            lock (_gate)
            {
                return _timers.Count;
            }
        }
    }

    /// <summary>The number of timer settings so far; grows whenever a timer is set.</summary>
    public long Sequence
    {
        get
        {
            lock (_gate)
            {
                return _sequence;
            }
        }
    }

    /// <summary>Completes at the next timer setting or <see cref="Poke"/>.</summary>
    public Task Changed
    {
        get
        {
            lock (_gate)
            {
                return _changed.Task;
            }
        }
    }

    /// <summary>Whether a Task.Delay timer set after <paramref name="sequence"/> is pending: the code under test is waiting.</summary>
    public bool HasDelaySince(long sequence)
    {
        lock (_gate)
        {
            foreach (var timer in _timers)
            {
                if (timer.IsDelay && timer.Sequence > sequence)
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>Wakes anyone waiting on <see cref="Changed"/>.</summary>
    public void Poke()
    {
        TaskCompletionSource old;
        lock (_gate)
        {
            old = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        old.TrySetResult();
    }

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return _now;
        }
    }

    public override long GetTimestamp() => GetUtcNow().UtcTicks;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new ManualTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    /// <summary>Moves the clock to the earliest pending timer and fires it; false when no timer is pending.</summary>
    public bool FireNext()
    {
        ManualTimer? next;
        lock (_gate)
        {
            next = Earliest();
            if (next is null)
            {
                return false;
            }

            if (next.Due > _now)
            {
                _now = next.Due;
            }
        }

        next.Fire();
        return true;
    }

    /// <summary>Moves the clock forward, firing every timer that falls due on the way.</summary>
    public void Advance(TimeSpan by)
    {
        var target = GetUtcNow() + by;
        while (true)
        {
            ManualTimer? next;
            lock (_gate)
            {
                next = Earliest();
                if (next is null || next.Due > target)
                {
                    _now = target;
                    return;
                }

                if (next.Due > _now)
                {
                    _now = next.Due;
                }
            }

            next.Fire();
        }
    }

    private ManualTimer? Earliest()
    {
        ManualTimer? best = null;
        foreach (var timer in _timers)
        {
            if (best is null || timer.Due < best.Due || (timer.Due == best.Due && timer.Sequence < best.Sequence))
            {
                best = timer;
            }
        }

        return best;
    }

    private sealed class ManualTimer : ITimer
    {
        private readonly ManualTimeProvider _owner;
        private readonly TimerCallback _callback;
        private readonly object? _state;
        private TimeSpan _period;

        public ManualTimer(ManualTimeProvider owner, TimerCallback callback, object? state)
        {
            _owner = owner;
            _callback = callback;
            _state = state;
        }

        public DateTimeOffset Due { get; private set; }

        // Task.Delay passes its promise (a Task) as the state; CancellationTokenSource passes itself.
        public bool IsDelay => _state is Task;

        public long Sequence { get; private set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            lock (_owner._gate)
            {
                _owner._timers.Remove(this);
                _period = period;
                if (dueTime != Timeout.InfiniteTimeSpan)
                {
                    Due = _owner._now + dueTime;
                    Sequence = ++_owner._sequence;
                    _owner._timers.Add(this);
                }
            }

            _owner.Poke();
            return true;
        }

        public void Fire()
        {
            lock (_owner._gate)
            {
                _owner._timers.Remove(this);
                if (_period != Timeout.InfiniteTimeSpan && _period > TimeSpan.Zero)
                {
                    Due += _period;
                    Sequence = ++_owner._sequence;
                    _owner._timers.Add(this);
                }
            }

            _callback(_state);
        }

        public void Dispose()
        {
            lock (_owner._gate)
            {
                _owner._timers.Remove(this);
            }
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return default;
        }
    }
}
