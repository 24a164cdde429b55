using System.Net;
using System.Net.Sockets;
using Apiframe;
using Apiframe.Webhooks;
using Microsoft.Extensions.Hosting;

namespace FluxGen.IntegrationTests.Hosting;

/// <summary>
/// A generic host's own webhook endpoint without ASP.NET Core (an <see cref="HttpListener"/>), feeding the inbox
/// that AddApiframeClient registered, the way README describes for apps that do not use MapApiframeWebhooks.
/// </summary>
internal sealed class ListenerWebhookService(ApiframeWebhookInbox inbox, string apiKey, int port) : BackgroundService
{
    public static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    public static Uri UrlFor(int port) => new($"http://127.0.0.1:{port}/hooks/");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var listener = new HttpListener();
        listener.Prefixes.Add(UrlFor(port).ToString());
        listener.Start();
        inbox.MarkReceiving();
        var verifier = new ApiframeWebhookVerifier(apiKey);
        using var stop = stoppingToken.Register(listener.Stop);
        while (!stoppingToken.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }

            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body, stoppingToken);
            var signature = context.Request.Headers[ApiframeWebhookVerifier.SignatureHeader];
            if (verifier.Verify(body.ToArray(), signature))
            {
                inbox.Publish(ApiframeWebhookEvent.Parse(body.ToArray()), signature!);
                context.Response.StatusCode = 200;
            }
            else
            {
                context.Response.StatusCode = 401;
            }

            context.Response.Close();
        }
    }
}
