using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Apiframe;
using FluxGen.IntegrationTests.ScaleOut;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace FluxGen.Benchmarks;

/// <summary>
/// The Redis relay of several instances behind one webhook URL, on loopback with Garnet in this process: how long
/// from a webhook reaching instance A until a wait on instance B finishes from it (p50/p99 over sequential events),
/// and the managed memory the two instances hold after a flood of deliveries. Not a BenchmarkDotNet class: a
/// latency distribution across two hosts and a memory reading after a flood are what is asked, not a mean per call.
/// </summary>
internal static class RedisRelayBenchmark
{
    private const string Key = "afk_relay_benchmark_key";
    private const string HookPath = "/hooks/apiframe";
    private const string JobHeader = "X-Bench-Job";

    public static async Task RunAsync(int latencyEvents, int floodEvents)
    {
        using var redis = GarnetRedis.Start(memory: "512m");
        var arrivals = new ConcurrentDictionary<string, long>(StringComparer.Ordinal);
        var (receiver, receiverUrl) = await StartInstanceAsync(redis, webhookUrl: null, arrivals);
        var (waiter, _) = await StartInstanceAsync(redis, receiverUrl, arrivals: null);
        try
        {
            using var http = new HttpClient();
            var client = waiter.Services.GetRequiredService<ApiframeClient>();

            // Warm-up: connections, JIT, the first subscription round trips.
            await MeasureAsync(http, client, receiverUrl, arrivals, "warm", 50);
            var latencies = await MeasureAsync(http, client, receiverUrl, arrivals, "lat", latencyEvents);
            latencies.Sort();
            Console.WriteLine($"Relay latency, webhook received by instance A -> wait finished on instance B, {latencyEvents} events, loopback, Garnet in-process:");
            Console.WriteLine($"  p50 {Percentile(latencies, 0.50):0.00} ms, p90 {Percentile(latencies, 0.90):0.00} ms, p99 {Percentile(latencies, 0.99):0.00} ms, max {latencies[^1]:0.00} ms");

            // Garnet keeps its store in this process's managed heap (pinned pages), so its size (INFO memory) is taken
            // off the heap to leave what the two instances hold; read at steps to show whether it levels off.
            await using var admin = await ConnectionMultiplexer.ConnectAsync(redis.Configuration + ",allowAdmin=true");
            Console.WriteLine($"Memory after a full GC (process managed heap - Garnet's store = the two instances and the harness), flood of {floodEvents:N0} deliveries:");
            var sent = 0;
            foreach (var step in new[] { 0, floodEvents / 4, floodEvents / 2, floodEvents * 3 / 4, floodEvents })
            {
                await FloodAsync(http, receiverUrl, sent, step);
                sent = step;
                var heap = ManagedBytes();
                var store = await GarnetStoreBytesAsync(admin, redis);
                Console.WriteLine($"  after {step,7:N0}: heap {heap / 1e6:0.0} MB - store {store / 1e6:0.0} MB = {(heap - store) / 1e6:0.0} MB (working set {Environment.WorkingSet / 1e6:0} MB)");
            }
        }
        finally
        {
            await waiter.DisposeAsync();
            await receiver.DisposeAsync();
        }
    }

    // One event at a time: the wait on B is started, the event posted to A, and the time from A's receipt to the
    // wait's end recorded.
    private static async Task<List<double>> MeasureAsync(HttpClient http, ApiframeClient client, Uri receiverUrl, ConcurrentDictionary<string, long> arrivals, string prefix, int count)
    {
        var latencies = new List<double>(count);
        for (var i = 0; i < count; i++)
        {
            var jobId = $"{prefix}-{i}";
            var wait = client.WaitForCompletionAsync(jobId, expectedDuration: TimeSpan.FromSeconds(10));

            // Let the wait ask Redis for a kept copy (there is none) and settle, so it is the relayed message that ends it.
            await Task.Delay(2);
            await PostAsync(http, receiverUrl, jobId, stamp: true);
            await wait;
            var finished = Stopwatch.GetTimestamp();
            latencies.Add(Stopwatch.GetElapsedTime(arrivals[jobId], finished).TotalMilliseconds);
        }

        return latencies;
    }

    private static async Task FloodAsync(HttpClient http, Uri receiverUrl, int from, int count)
    {
        var next = from - 1;
        var workers = Enumerable.Range(0, 8).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                await PostAsync(http, receiverUrl, "flood-" + i, stamp: false);
            }
        });
        await Task.WhenAll(workers);
    }

    private static async Task PostAsync(HttpClient http, Uri url, string jobId, bool stamp)
    {
        var body = Encoding.UTF8.GetBytes($$$"""{"event":"completed","jobId":"{{{jobId}}}","status":"COMPLETED","result":{"images":["https://cdn.test/{{{jobId}}}.png"]}}""");
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
        request.Headers.Add("X-Webhook-Signature", "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(SHA256.HashData(Encoding.UTF8.GetBytes(Key)), body)));
        if (stamp)
        {
            request.Headers.Add(JobHeader, jobId);
        }

        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
    }

    private static async Task<(WebApplication App, Uri Url)> StartInstanceAsync(GarnetRedis redis, Uri? webhookUrl, ConcurrentDictionary<string, long>? arrivals)
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        var ownUrl = new Uri($"http://127.0.0.1:{port}{HookPath}");
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k => k.Listen(IPAddress.Loopback, port));
        builder.Services.AddRoutingCore();
        builder.Services.AddApiframeClient(o =>
        {
            o.ApiKey = Key;
            o.BaseAddress = new Uri("http://127.0.0.1:9/");
            o.WebhookUrl = webhookUrl ?? ownUrl;
        });
        builder.Services.AddApiframeRedisWebhooks(redis.Configuration);
        var app = builder.Build();
        if (arrivals is not null)
        {
            // The moment the delivery reaches instance A, before anything of FluxGen's runs.
            app.Use((HttpContext context, RequestDelegate next) =>
            {
                if (context.Request.Headers.TryGetValue(JobHeader, out var job))
                {
                    arrivals[job.ToString()] = Stopwatch.GetTimestamp();
                }

                return next(context);
            });
        }

        app.MapApiframeWebhooks(HookPath);
        await app.StartAsync();
        return (app, ownUrl);
    }

    private static async Task<long> GarnetStoreBytesAsync(ConnectionMultiplexer admin, GarnetRedis redis)
    {
        var info = await admin.GetServer(redis.Configuration).InfoAsync("memory");
        var size = info.SelectMany(g => g).First(p => p.Key == "total_main_store_size").Value;
        return long.Parse(size, System.Globalization.CultureInfo.InvariantCulture);
    }

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    private static long ManagedBytes()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
