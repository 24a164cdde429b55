namespace FluxGen.Emulator.Time;

/// <summary>
/// The emulator's idea of now: the system clock, or a clock that only moves when a test advances it, so job
/// progress can be stepped exactly instead of raced.
/// </summary>
internal sealed class EmulatorClock
{
    private readonly object _gate = new();
    private DateTimeOffset _manualNow;

    public EmulatorClock(bool manual)
    {
        IsManual = manual;
        _manualNow = DateTimeOffset.UtcNow;
    }

    public bool IsManual { get; }

    public DateTimeOffset UtcNow
    {
        get
        {
            if (!IsManual)
            {
                return DateTimeOffset.UtcNow;
            }

            lock (_gate)
            {
                return _manualNow;
            }
        }
    }

    public void Advance(TimeSpan by)
    {
        if (!IsManual)
        {
            throw new InvalidOperationException("The emulator runs on the system clock; set EmulatorOptions.ManualClock to step it.");
        }

        if (by < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(by), "The clock only moves forward.");
        }

        lock (_gate)
        {
            _manualNow += by;
        }
    }
}
