namespace FluxGen.Emulator.Jobs;

/// <summary>Every job of the run, by id and in creation order.</summary>
internal sealed class JobStore
{
    private readonly object _gate = new();
    private readonly Dictionary<string, EmulatedJob> _byId = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<EmulatedJob> _ordered = new();
    private long _sequence;

    public long NextSequence() => Interlocked.Increment(ref _sequence);

    public void Add(EmulatedJob job)
    {
        lock (_gate)
        {
            _byId.Add(job.Id, job);
            _ordered.Add(job);
        }
    }

    public EmulatedJob? Find(string id)
    {
        lock (_gate)
        {
            return _byId.GetValueOrDefault(id);
        }
    }

    /// <summary>All jobs, newest first.</summary>
    public IReadOnlyList<EmulatedJob> NewestFirst()
    {
        lock (_gate)
        {
            var copy = _ordered.ToArray();
            Array.Reverse(copy);
            return copy;
        }
    }

    public IReadOnlyList<EmulatedJob> Running()
    {
        lock (_gate)
        {
            return _ordered.Where(j => !j.IsTerminal).ToArray();
        }
    }
}
