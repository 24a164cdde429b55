using System.Net;
using FluxGen.Emulator.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace FluxGen.Emulator;

/// <summary>
/// A local stand-in for Apiframe's v2 API: the same routes, auth, schema validation, job lifecycle, idempotency,
/// signed webhooks and injectable faults, with real image files. Every reply says <c>X-Apiframe-Emulator: true</c>.
/// </summary>
/// <example>
/// <code>
/// await using var emulator = await ApiframeEmulator.StartAsync(new EmulatorOptions { TimeScale = 0.05 });
/// using var http = new HttpClient { BaseAddress = emulator.BaseAddress };
/// </code>
/// </example>
public sealed class ApiframeEmulator : IAsyncDisposable
{
    /// <summary>Where the standalone program listens unless <c>--urls</c> or <c>ASPNETCORE_URLS</c> says otherwise.</summary>
    public const string DefaultStandaloneUrl = "http://127.0.0.1:5080";

    private readonly WebApplication _app;
    private readonly EmulatorState _state;
    private readonly CancellationTokenSource _stopping = new();
    private Task _ticker = Task.CompletedTask;
    private int _disposed;

    private ApiframeEmulator(WebApplication app, EmulatorState state)
    {
        _app = app;
        _state = state;
    }

    /// <summary>The emulator's root address, for example <c>http://127.0.0.1:41234/</c>; use it as an HttpClient base address.</summary>
    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    /// <summary>The live options; changes apply to the next request or job.</summary>
    public EmulatorOptions Options => _state.Options;

    /// <summary>Credits billed so far, one entry per completed job.</summary>
    public CreditLedger Ledger => _state.Ledger;

    /// <summary>The model ids the emulator loaded schemas for.</summary>
    public IReadOnlyCollection<string> Models => _state.Catalog.Models;

    /// <summary>Every job of the run, newest first, as of now.</summary>
    public IReadOnlyList<JobSnapshot> Jobs
    {
        get
        {
            _state.AdvanceAll();
            return _state.Jobs.NewestFirst().Select(j => j.Snapshot()).ToArray();
        }
    }

    /// <summary>Every request received so far, in arrival order; a reply's status is logged before the client can see it.</summary>
    public IReadOnlyList<RecordedRequest> Requests => _state.Requests;

    /// <summary>Every webhook attempt so far, oldest first.</summary>
    public IReadOnlyList<WebhookDelivery> WebhookDeliveries => _state.Webhooks.Deliveries;

    /// <summary>The emulator's current time (the manual clock when <see cref="EmulatorOptions.ManualClock"/> is set).</summary>
    public DateTimeOffset Now => _state.Clock.UtcNow;

    /// <summary>Starts an emulator on 127.0.0.1 (a free port unless <see cref="EmulatorOptions.Port"/> is set).</summary>
    /// <param name="options">Behaviour; null takes the defaults.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    public static async Task<ApiframeEmulator> StartAsync(EmulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new EmulatorOptions();
        var state = new EmulatorState(options);

        // The empty builder reads no environment or appsettings, so an ASPNETCORE_URLS meant for something else
        // cannot move an in-process emulator off its loopback port.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(IPAddress.Loopback, options.Port);
        });
        builder.Services.AddRoutingCore();
        var app = builder.Build();
        EmulatorPipeline.Map(app, state);
        return await StartAppAsync(app, state, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Starts the emulator the way the standalone program does: address from <c>--urls</c> or
    /// <c>ASPNETCORE_URLS</c> (default <see cref="DefaultStandaloneUrl"/>), options bound from the <c>Emulator</c>
    /// configuration section of the command line, environment and appsettings
    /// (<c>--Emulator:TimeScale=0.05</c>, <c>Emulator__FaultRate429=0.2</c>).
    /// </summary>
    /// <param name="args">Command-line arguments.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    public static async Task<ApiframeEmulator> StartStandaloneAsync(string[] args, CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        var options = new EmulatorOptions();
        builder.Configuration.GetSection(EmulatorOptions.SectionName).Bind(options);
        if (string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.ServerUrlsKey]))
        {
            builder.WebHost.UseUrls(DefaultStandaloneUrl);
        }

        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
        var state = new EmulatorState(options);
        var app = builder.Build();
        EmulatorPipeline.Map(app, state);
        return await StartAppAsync(app, state, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<ApiframeEmulator> StartAppAsync(WebApplication app, EmulatorState state, CancellationToken cancellationToken)
    {
        var emulator = new ApiframeEmulator(app, state);
        try
        {
            await emulator.StartCoreAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await emulator.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return emulator;
    }

    /// <summary>Runs <see cref="StartStandaloneAsync"/> until Ctrl+C, SIGTERM or <paramref name="cancellationToken"/>.</summary>
    /// <param name="args">Command-line arguments.</param>
    /// <param name="cancellationToken">Stops the emulator.</param>
    public static async Task RunAsync(string[] args, CancellationToken cancellationToken = default)
    {
        await using var emulator = await StartStandaloneAsync(args, cancellationToken).ConfigureAwait(false);
        var options = emulator.Options;
        Console.WriteLine($"FluxGen Apiframe emulator (NOT the real Apiframe API) listening on {emulator.BaseAddress}");
        Console.WriteLine($"Models: {string.Join(", ", emulator.Models)}; TimeScale {options.TimeScale}; any key starting '{options.ApiKeyPrefix}' works.");
        await emulator._app.WaitForShutdownAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Looks a job up by id, brought up to the clock; null when there is no such job.</summary>
    /// <param name="jobId">The job id.</param>
    public JobSnapshot? GetJob(string jobId)
    {
        var job = _state.Jobs.Find(jobId);
        if (job is null)
        {
            return null;
        }

        _state.Runner.Advance(job);
        return job.Snapshot();
    }

    /// <summary>
    /// Scripts faults: the next <paramref name="count"/> matching requests (or, for <see cref="EmulatorFault.DropAfterCreate"/>,
    /// <see cref="EmulatorFault.FailJob"/> and <see cref="EmulatorFault.SlowJob"/>, the next created jobs) get
    /// <paramref name="fault"/>, before any rate-based fault is drawn.
    /// </summary>
    /// <param name="fault">What goes wrong.</param>
    /// <param name="count">How many times.</param>
    /// <param name="method">Only requests with this HTTP method (for example <c>POST</c> for submits); null for any.</param>
    public void EnqueueFault(EmulatorFault fault, int count = 1, string? method = null) => _state.Faults.Enqueue(fault, count, method);

    /// <summary>Moves the manual clock forward and brings every job up to it (webhooks included).</summary>
    /// <param name="by">How far to move.</param>
    /// <exception cref="InvalidOperationException">The emulator runs on the system clock.</exception>
    public void AdvanceClock(TimeSpan by)
    {
        _state.Clock.Advance(by);
        _state.AdvanceAll();
    }

    /// <summary>Stops the server and its webhook deliveries.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        try
        {
            await _ticker.ConfigureAwait(false);
            await _app.StopAsync(CancellationToken.None).ConfigureAwait(false);
        }
        finally
        {
            await _app.DisposeAsync().ConfigureAwait(false);
            await _state.DisposeAsync().ConfigureAwait(false);
            _stopping.Dispose();
        }
    }

    private async Task StartCoreAsync(CancellationToken cancellationToken)
    {
        await _app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("The emulator started but reports no address.");

        // A wildcard listen address is reachable on loopback; a client needs a concrete host.
        var uri = new UriBuilder(address.Replace("://+", "://127.0.0.1", StringComparison.Ordinal).Replace("://*", "://127.0.0.1", StringComparison.Ordinal).Replace("://[::]", "://127.0.0.1", StringComparison.Ordinal).Replace("://0.0.0.0", "://127.0.0.1", StringComparison.Ordinal));
        if (!uri.Path.EndsWith('/'))
        {
            uri.Path += "/";
        }

        BaseAddress = uri.Uri;
        _ticker = TickAsync(_stopping.Token);
    }

    // Jobs also move whenever they are read; the ticker only makes webhooks fire while nobody polls.
    private async Task TickAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(20));
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
            {
                try
                {
                    _state.AdvanceAll();
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    // A job that cannot render must not stop every other job; its next read reports the error.
                    Console.Error.WriteLine("FluxGen emulator: " + exception.Message);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Disposal.
        }
    }
}
