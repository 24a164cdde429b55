namespace FluxGen.Emulator.Faults;

/// <summary>
/// Decides which requests and jobs go wrong. Scripted faults come first, in the order they were queued; after that
/// each kind of decision draws from its own seeded stream, one draw per decision whatever the rates, so a given seed
/// gives the same sequence of outcomes on every run and changing one rate does not reshuffle the others.
/// </summary>
internal sealed class FaultInjector
{
    private readonly object _gate = new();
    private readonly EmulatorOptions _options;
    private readonly Random _requests;
    private readonly Random _dropsAfterCreate;
    private readonly Random _failures;
    private readonly Random _slowness;
    private readonly List<ScriptedFault> _script = new();

    public FaultInjector(EmulatorOptions options)
    {
        _options = options;
        _requests = new Random(options.Seed);
        _dropsAfterCreate = new Random(unchecked(options.Seed + 1));
        _failures = new Random(unchecked(options.Seed + 2));
        _slowness = new Random(unchecked(options.Seed + 3));
    }

    public void Enqueue(EmulatorFault fault, int count, string? method)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        lock (_gate)
        {
            for (var i = 0; i < count; i++)
            {
                _script.Add(new ScriptedFault(fault, method));
            }
        }
    }

    /// <summary>The fault, if any, for an incoming <c>/v2/</c> request before it is handled.</summary>
    public EmulatorFault? ForRequest(string method)
    {
        lock (_gate)
        {
            if (TakeScripted(method, EmulatorFault.TooManyRequests, EmulatorFault.ServiceUnavailable, EmulatorFault.DropConnection) is { } scripted)
            {
                return scripted;
            }

            var draw = _requests.NextDouble();
            var drop = Clamp(_options.DropConnectionRate);
            var tooMany = drop + Clamp(_options.FaultRate429);
            var unavailable = tooMany + Clamp(_options.FaultRate503);
            return draw < drop ? EmulatorFault.DropConnection
                : draw < tooMany ? EmulatorFault.TooManyRequests
                : draw < unavailable ? EmulatorFault.ServiceUnavailable
                : null;
        }
    }

    /// <summary>Whether the submit that just created a job loses its connection before the reply.</summary>
    public bool DropAfterCreate() => Decide(EmulatorFault.DropAfterCreate, _dropsAfterCreate, _options.DropAfterCreateRate);

    /// <summary>Whether a new job is planned to fail.</summary>
    public bool FailJob() => Decide(EmulatorFault.FailJob, _failures, _options.JobFailureRate);

    /// <summary>Whether a new job is planned to run slow.</summary>
    public bool SlowJob() => Decide(EmulatorFault.SlowJob, _slowness, _options.SlowJobRate);

    private bool Decide(EmulatorFault kind, Random stream, double rate)
    {
        lock (_gate)
        {
            var draw = stream.NextDouble();
            return TakeScripted("POST", kind) is not null || draw < Clamp(rate);
        }
    }

    private EmulatorFault? TakeScripted(string method, params EmulatorFault[] kinds)
    {
        var index = _script.FindIndex(s => kinds.Contains(s.Fault) && (s.Method is null || string.Equals(s.Method, method, StringComparison.OrdinalIgnoreCase)));
        if (index < 0)
        {
            return null;
        }

        var fault = _script[index].Fault;
        _script.RemoveAt(index);
        return fault;
    }

    private static double Clamp(double rate) => double.IsNaN(rate) ? 0 : Math.Clamp(rate, 0, 1);

    private sealed record ScriptedFault(EmulatorFault Fault, string? Method);
}
