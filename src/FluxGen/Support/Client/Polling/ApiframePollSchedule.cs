using System;

namespace Apiframe;

// When to poll a job. The first poll waits for the model's usual duration, since a poll before that almost
// always finds the job still running; later polls start short and back off, since by then the job is about done.
// For Flux 1.1 Pro (about 10 s) that is one poll when the job takes its usual time and three when it takes 12.5 s,
// where the Node SDK's fixed schedule (2 s, then x1.5 up to 5 s) needs four (at 2, 5, 9.5 and 14.5 s).
internal sealed class ApiframePollSchedule
{
    private readonly TimeSpan _first;
    private readonly TimeSpan _max;
    private readonly double _factor;
    private TimeSpan _interval;
    private bool _started;

    internal ApiframePollSchedule(TimeSpan first, TimeSpan minInterval, TimeSpan maxInterval, double factor)
    {
        _first = first < TimeSpan.Zero ? TimeSpan.Zero : first;
        _max = maxInterval;
        _factor = factor;
        _interval = minInterval < maxInterval ? minInterval : maxInterval;
    }

    internal TimeSpan NextDelay()
    {
        if (!_started)
        {
            _started = true;
            return _first;
        }

        var delay = _interval;
        var grown = TimeSpan.FromTicks((long)Math.Min(_interval.Ticks * _factor, _max.Ticks));
        _interval = grown < _max ? grown : _max;
        return delay;
    }
}
