using Apiframe;
using FluxGen.Emulator;

namespace FluxGen.IntegrationTests.Client;

/// <summary>An emulator and a generated <see cref="ApiframeClient"/> pointed at it, both on a 20× clock.</summary>
internal sealed class ClientFixture : IAsyncDisposable
{
    public const string Key = "afk_integration_key";
    public const double Speedup = 20;

    private ClientFixture(ApiframeEmulator emulator, HttpClient http, ApiframeClientOptions options)
    {
        Emulator = emulator;
        Http = http;
        Options = options;
        Client = new ApiframeClient(http, options);
    }

    public ApiframeEmulator Emulator { get; }

    public HttpClient Http { get; }

    public ApiframeClientOptions Options { get; }

    public ApiframeClient Client { get; }

    public static async Task<ClientFixture> StartAsync(Action<EmulatorOptions>? emulator = null, Action<ApiframeClientOptions>? client = null)
    {
        var emulatorOptions = new EmulatorOptions { TimeScale = 1 / Speedup };
        emulator?.Invoke(emulatorOptions);
        var started = await ApiframeEmulator.StartAsync(emulatorOptions);
        var options = new ApiframeClientOptions
        {
            ApiKey = Key,
            BaseAddress = started.BaseAddress,
            TimeProvider = new ScaledTimeProvider(Speedup),
        };
        client?.Invoke(options);
        return new ClientFixture(started, new HttpClient(), options);
    }

    public ApiframeClient NewClient(Action<ApiframeClientOptions> change)
    {
        var options = new ApiframeClientOptions
        {
            ApiKey = Options.ApiKey,
            BaseAddress = Options.BaseAddress,
            TimeProvider = Options.TimeProvider,
        };
        change(options);
        return new ApiframeClient(Http, options);
    }

    /// <summary>How many times the client asked for one job.</summary>
    public int PollsFor(string jobId) =>
        Emulator.Requests.Count(r => r.Method == "GET" && r.Path.EndsWith("/v2/jobs/" + jobId, StringComparison.Ordinal));

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Emulator.DisposeAsync();
    }
}
