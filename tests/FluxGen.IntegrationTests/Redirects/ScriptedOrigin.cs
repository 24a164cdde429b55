using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace FluxGen.IntegrationTests.Redirects;

/// <summary>One origin on loopback (its own Kestrel port) that answers every request with a script and records
/// what arrived, the X-API-Key header included.</summary>
internal sealed class ScriptedOrigin : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ScriptedOrigin(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public ConcurrentQueue<OriginRequest> Received { get; } = new();

    public static async Task<ScriptedOrigin> StartAsync(Func<HttpContext, Task> script)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        ScriptedOrigin? origin = null;
        app.Run(async context =>
        {
            origin!.Received.Enqueue(new OriginRequest(
                context.Request.Method,
                context.Request.Path + context.Request.QueryString,
                context.Request.Headers.TryGetValue("X-API-Key", out var key) ? key.ToString() : null));
            await script(context);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        origin = new ScriptedOrigin(app, new Uri(address + "/"));
        return origin;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

internal sealed record OriginRequest(string Method, string PathAndQuery, string? ApiKey);
