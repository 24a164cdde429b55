using Apiframe;
using FluxGen.Emulator;
using FluxGen.IntegrationTests.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace FluxGen.IntegrationTests.Resilience;

/// <summary>How the app composes the client: the ways a production app writes it with Microsoft.Extensions.Http.Resilience.</summary>
public enum PipelineSetup
{
    /// <summary><c>AddApiframeClient()</c> and nothing else: the client's own retries.</summary>
    ClientAlone,

    /// <summary><c>AddApiframeClient().AddStandardResilienceHandler()</c>.</summary>
    StandardHandler,

    /// <summary><c>AddApiframeClient().AddApiframeResilience()</c>.</summary>
    ApiframeResilience,

    /// <summary><c>AddApiframeClient().AddResilienceHandler("custom", ...)</c> with a retry of the app's own (2 retries).</summary>
    CustomPipeline,
}

/// <summary>A service provider holding the Apiframe client from DI, pointed at an emulator, in one of the set-ups.</summary>
internal sealed class PipelineHost : IDisposable
{
    private readonly ServiceProvider _provider;

    private PipelineHost(ServiceProvider provider) => _provider = provider;

    public ApiframeClient Client => _provider.GetRequiredService<ApiframeClient>();

    /// <summary>Builds the app's services. The pipeline runs on the same 20× clock as the client and the emulator.</summary>
    public static PipelineHost Start(
        ApiframeEmulator emulator,
        PipelineSetup setup,
        Action<ApiframeClientOptions>? client = null,
        Action<HttpStandardResilienceOptions>? standard = null,
        Action<ResiliencePipelineBuilder<HttpResponseMessage>>? custom = null)
    {
        var time = new ScaledTimeProvider(ClientFixture.Speedup);
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(time);
        var builder = services.AddApiframeClient(o =>
        {
            o.ApiKey = ClientFixture.Key;
            o.BaseAddress = emulator.BaseAddress;
            o.TimeProvider = time;
            client?.Invoke(o);
        });
        switch (setup)
        {
            case PipelineSetup.StandardHandler:
                builder.AddStandardResilienceHandler(o => Configure(o, standard));
                break;
            case PipelineSetup.ApiframeResilience:
                builder.AddApiframeResilience().Configure(o => Configure(o, standard));
                break;
            case PipelineSetup.CustomPipeline:
                builder.AddResilienceHandler("custom", b =>
                {
                    if (custom is not null)
                    {
                        custom(b);
                        return;
                    }

                    b.AddRetry(new HttpRetryStrategyOptions { MaxRetryAttempts = 2, Delay = TimeSpan.FromMilliseconds(250) });
                });
                break;
        }

        return new PipelineHost(services.BuildServiceProvider());
    }

    public void Dispose() => _provider.Dispose();

    // At 20x, the standard 10 s attempt timeout is half a second of real time: on a busy 2-core machine a cold first
    // request can take longer, and the pipeline would be measuring the machine. The timeouts are widened (the
    // breaker's window with them, as the options require); its thresholds stay the defaults and Apiframe's rules.
    private static void Configure(HttpStandardResilienceOptions options, Action<HttpStandardResilienceOptions>? more)
    {
        options.AttemptTimeout.Timeout = TimeSpan.FromSeconds(60);
        options.TotalRequestTimeout.Timeout = TimeSpan.FromMinutes(5);
        options.CircuitBreaker.SamplingDuration = TimeSpan.FromMinutes(2);
        more?.Invoke(options);
    }
}
