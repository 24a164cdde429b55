using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace FluxGen.Emulator.Faults;

/// <summary>
/// Decides which requests and jobs go wrong. Scripted faults come first, in the order they were queued; after that
/// each kind of decision draws from its own seeded stream, one draw per decision whatever the rates, so a given seed
/// gives the same sequence of outcomes on every run and changing one rate does not reshuffle the others. With
/// <see cref="EmulatorOptions.FaultsByIdempotencyKey"/>, a submission's faults come from its key instead, so they do
/// not depend on the order in which concurrent requests arrive.
/// </summary>
internal sealed class FaultInjector
{
    private const int MaxKeyLength = 255;
    private const byte RequestStream = 0;
    private const byte DropAfterCreateStream = 1;

    private readonly object _gate = new();
    private readonly EmulatorOptions _options;
    private readonly Random _requests;
    private readonly Random _dropsAfterCreate;
    private readonly Random _failures;
    private readonly Random _slowness;
    private readonly List<ScriptedFault> _script = new();
    private readonly Dictionary<string, int> _keyUses = new(StringComparer.Ordinal);

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
    /// <param name="method">The request's method.</param>
    /// <param name="idempotencyKey">Its <c>Idempotency-Key</c>, whatever the client sent; drawn from under
    /// <see cref="EmulatorOptions.FaultsByIdempotencyKey"/>.</param>
    public EmulatorFault? ForRequest(string method, string? idempotencyKey = null)
    {
        lock (_gate)
        {
            if (TakeScripted(method, EmulatorFault.TooManyRequests, EmulatorFault.ServiceUnavailable, EmulatorFault.DropConnection) is { } scripted)
            {
                return scripted;
            }

            var shared = _requests.NextDouble();
            var draw = KeyedDraw(RequestStream, idempotencyKey, count: true) ?? shared;
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
    /// <param name="idempotencyKey">The submit's <c>Idempotency-Key</c>, if any.</param>
    public bool DropAfterCreate(string? idempotencyKey = null)
    {
        lock (_gate)
        {
            // A key creates at most one job, so its draw needs no count.
            var keyed = KeyedDraw(DropAfterCreateStream, idempotencyKey, count: false);
            var draw = _dropsAfterCreate.NextDouble();
            return TakeScripted("POST", EmulatorFault.DropAfterCreate) is not null || (keyed ?? draw) < Clamp(_options.DropAfterCreateRate);
        }
    }

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

    // A draw in [0, 1) that depends only on the seed, the stream, the key and how often the key came before: a
    // hash, so it is the same in every process and whatever else arrives in between. SHA-256 from the BCL rather
    // than a hand-written hash; string.GetHashCode is randomized per process. Null when keyed draws are off or the
    // request has no usable key (keys longer than a submit accepts are not remembered, so hostile headers cannot
    // grow the table without bound beyond the requests themselves).
    private double? KeyedDraw(byte stream, string? key, bool count)
    {
        if (!_options.FaultsByIdempotencyKey || string.IsNullOrEmpty(key) || key.Length > MaxKeyLength)
        {
            return null;
        }

        var seen = 0;
        if (count)
        {
            _keyUses.TryGetValue(key, out seen);
            _keyUses[key] = seen + 1;
        }

        var text = Encoding.UTF8.GetBytes(key);
        var input = new byte[text.Length + 9];
        BinaryPrimitives.WriteInt32LittleEndian(input, _options.Seed);
        BinaryPrimitives.WriteInt32LittleEndian(input.AsSpan(4), seen);
        input[8] = stream;
        text.CopyTo(input, 9);
        var hash = SHA256.HashData(input);

        // The top 53 bits, as Random.NextDouble has them.
        return (BinaryPrimitives.ReadUInt64LittleEndian(hash) >> 11) * (1.0 / (1UL << 53));
    }

    private static double Clamp(double rate) => double.IsNaN(rate) ? 0 : Math.Clamp(rate, 0, 1);

    private sealed record ScriptedFault(EmulatorFault Fault, string? Method);
}
