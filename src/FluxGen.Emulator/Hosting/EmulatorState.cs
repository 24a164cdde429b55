using FluxGen.Emulator.Faults;
using FluxGen.Emulator.Jobs;
using FluxGen.Emulator.Schemas;
using FluxGen.Emulator.Time;
using FluxGen.Emulator.Webhooks;

namespace FluxGen.Emulator.Hosting;

/// <summary>Everything one emulator instance holds; the endpoints close over it instead of going through DI.</summary>
internal sealed class EmulatorState : IAsyncDisposable
{
    private readonly object _logGate = new();
    private readonly List<RequestLogEntry> _requests = new();

    public EmulatorState(EmulatorOptions options)
    {
        Options = options;
        var schemaDirectory = options.SchemaDirectory ?? Path.Combine(AppContext.BaseDirectory, "schema");
        Catalog = SchemaCatalog.Load(schemaDirectory, options.OpenApiDocument);
        Clock = new EmulatorClock(options.ManualClock);
        Faults = new FaultInjector(options);
        Webhooks = new WebhookDispatcher(options);
        Runner = new JobRunner(Clock, Ledger, Webhooks, options);
    }

    public EmulatorOptions Options { get; }

    public SchemaCatalog Catalog { get; }

    public EmulatorClock Clock { get; }

    public FaultInjector Faults { get; }

    public WebhookDispatcher Webhooks { get; }

    public JobRunner Runner { get; }

    public JobStore Jobs { get; } = new();

    public CreditLedger Ledger { get; } = new();

    /// <summary>Held while a submit checks its idempotency key and credits and creates its job, so two racing
    /// submits with one key cannot both create a job.</summary>
    public object SubmitGate { get; } = new();

    public Dictionary<(string ApiKey, string Key), (System.Text.Json.JsonElement Body, string JobId)> IdempotencyKeys { get; } = new();

    /// <summary>Files posted to <c>/v2/uploads</c>, by id.</summary>
    public System.Collections.Concurrent.ConcurrentDictionary<string, Endpoints.StoredUpload> Uploads { get; } = new(StringComparer.Ordinal);

    /// <summary>LoRAs trained with <c>/v2/loras</c>, by id.</summary>
    public System.Collections.Concurrent.ConcurrentDictionary<string, Endpoints.StoredLora> Loras { get; } = new(StringComparer.Ordinal);

    /// <summary>Assets registered with <c>/v2/assets/create</c>, by id.</summary>
    public System.Collections.Concurrent.ConcurrentDictionary<string, Endpoints.StoredAsset> Assets { get; } = new(StringComparer.Ordinal);

    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_logGate)
            {
                return _requests.Select(r => r.ToRecord()).ToArray();
            }
        }
    }

    public void Record(RequestLogEntry request)
    {
        lock (_logGate)
        {
            _requests.Add(request);
        }
    }

    /// <summary>Brings every running job up to the clock.</summary>
    public void AdvanceAll()
    {
        foreach (var job in Jobs.Running())
        {
            Runner.Advance(job);
        }
    }

    public ValueTask DisposeAsync() => Webhooks.DisposeAsync();
}
