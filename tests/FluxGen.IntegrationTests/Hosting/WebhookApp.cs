using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Apiframe;
using Apiframe.Webhooks;
using FluxGen.IntegrationTests.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FluxGen.IntegrationTests.Hosting;

/// <summary>
/// A minimal ASP.NET Core app on loopback, as a user would write it: the client from DI configured by the
/// "Apiframe" section, and the webhook endpoint mapped.
/// </summary>
internal sealed class WebhookApp : IAsyncDisposable
{
    public const string HookPath = "/hooks/apiframe";

    private WebhookApp(WebApplication app, Uri webhookUrl, CapturingLoggerProvider logs, RecordingHandler handler)
    {
        App = app;
        WebhookUrl = webhookUrl;
        Logs = logs;
        Handler = handler;
    }

    public WebApplication App { get; }

    public Uri WebhookUrl { get; }

    public CapturingLoggerProvider Logs { get; }

    public RecordingHandler Handler { get; }

    public ApiframeClient Client => App.Services.GetRequiredService<ApiframeClient>();

    public static async Task<WebhookApp> StartAsync(Uri apiBaseAddress, string apiKey, IDictionary<string, string?>? extra = null, Action<IServiceCollection>? services = null)
    {
        // The webhook URL is configuration, read before the server binds, so the port is chosen up front.
        var port = FreePort();
        var webhookUrl = new Uri($"http://127.0.0.1:{port}{HookPath}");
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k => k.Listen(IPAddress.Loopback, port));
        builder.Services.AddRoutingCore();
        var settings = new Dictionary<string, string?>
        {
            ["Apiframe:ApiKey"] = apiKey,
            ["Apiframe:BaseAddress"] = apiBaseAddress.ToString(),
            ["Apiframe:WebhookUrl"] = webhookUrl.ToString(),
            // Generous on a shared 2-core machine: the fallback to polling must not be what a slow run measures.
            ["Apiframe:WebhookFallbackFactor"] = "20",
        };
        foreach (var pair in extra ?? new Dictionary<string, string?>())
        {
            settings[pair.Key] = pair.Value;
        }

        builder.Configuration.AddInMemoryCollection(settings);
        var logs = new CapturingLoggerProvider();
        builder.Logging.AddProvider(logs).SetMinimumLevel(LogLevel.Trace);
        var handler = new RecordingHandler();
        builder.Services.AddSingleton<IApiframeWebhookHandler>(handler);
        builder.Services.AddApiframeClient(o => o.TimeProvider = new ScaledTimeProvider(ClientFixture.Speedup));
        services?.Invoke(builder.Services);
        var app = builder.Build();
        app.MapApiframeWebhooks(HookPath);
        await app.StartAsync();
        return new WebhookApp(app, webhookUrl, logs, handler);
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    internal sealed class RecordingHandler : IApiframeWebhookHandler
    {
        public ConcurrentQueue<ApiframeWebhookEvent> Events { get; } = new();

        public Task HandleAsync(ApiframeWebhookEvent webhookEvent, CancellationToken cancellationToken)
        {
            Events.Enqueue(webhookEvent);
            return Task.CompletedTask;
        }
    }
}
