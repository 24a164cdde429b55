using System;
using System.Threading;
using System.Threading.Tasks;

namespace Apiframe;

// Waits and deadlines on the options' TimeProvider, so tests can drive the clock. net8.0 has them as Task.Delay and
// CancellationTokenSource overloads; below it Microsoft.Bcl.TimeProvider has them as extension methods.
internal static class ApiframeTimers
{
    internal static Task Delay(TimeProvider time, TimeSpan delay, CancellationToken cancellationToken) =>
#if FLUXGEN_DOWNLEVEL
        time.Delay(delay, cancellationToken);
#else
        Task.Delay(delay, time, cancellationToken);
#endif

    // A source that never cancels for an infinite limit, as the constructor with a TimeSpan does.
    internal static CancellationTokenSource CancelAfter(TimeProvider time, TimeSpan limit) =>
        limit == Timeout.InfiniteTimeSpan ? new CancellationTokenSource()
#if FLUXGEN_DOWNLEVEL
        : time.CreateCancellationTokenSource(limit);
#else
        : new CancellationTokenSource(limit, time);
#endif
}
