namespace FluxGen.Emulator;

/// <summary>
/// Every credit the emulator billed. Only completed jobs are billed, once each; failed jobs cost nothing. Tests read
/// it to prove a retried or replayed submit was never charged twice.
/// </summary>
public sealed class CreditLedger
{
    private readonly object _gate = new();
    private readonly List<LedgerEntry> _entries = new();

    /// <summary>The charges so far, oldest first.</summary>
    public IReadOnlyList<LedgerEntry> Entries
    {
        get
        {
            lock (_gate)
            {
                return _entries.ToArray();
            }
        }
    }

    /// <summary>All credits billed so far.</summary>
    public long TotalCredits
    {
        get
        {
            lock (_gate)
            {
                return _entries.Sum(e => (long)e.Credits);
            }
        }
    }

    /// <summary>Credits billed for one job (0 when it was never billed).</summary>
    public long CreditsFor(string jobId)
    {
        lock (_gate)
        {
            return _entries.Where(e => e.JobId == jobId).Sum(e => (long)e.Credits);
        }
    }

    /// <summary>How many charges name this job; anything above 1 would be a double charge.</summary>
    public int ChargesFor(string jobId)
    {
        lock (_gate)
        {
            return _entries.Count(e => e.JobId == jobId);
        }
    }

    internal void Bill(LedgerEntry entry)
    {
        lock (_gate)
        {
            _entries.Add(entry);
        }
    }
}
