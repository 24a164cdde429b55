using System.Diagnostics;

namespace FluxGen.IntegrationTests.Client;

/// <summary>
/// A clock that runs <c>speedup</c> times faster than real time. The emulator shrinks every job by the same factor
/// (its TimeScale), so the client sees a 10 s Flux job take 10 s on its own clock and polls exactly as it would in
/// production, while the test takes half a second.
/// </summary>
internal sealed class ScaledTimeProvider(double speedup) : TimeProvider
{
    private readonly DateTimeOffset _start = DateTimeOffset.UtcNow;
    private readonly long _startTimestamp = Stopwatch.GetTimestamp();

    public override DateTimeOffset GetUtcNow() => _start + Stopwatch.GetElapsedTime(_startTimestamp) * speedup;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        new ScaledTimer(System.CreateTimer(callback, state, Scale(dueTime), Scale(period)), this);

    private TimeSpan Scale(TimeSpan span) => span <= TimeSpan.Zero ? span : span / speedup;

    private sealed class ScaledTimer(ITimer inner, ScaledTimeProvider owner) : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => inner.Change(owner.Scale(dueTime), owner.Scale(period));

        public void Dispose() => inner.Dispose();

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
