using Apiframe;
using Apiframe.Webhooks;
using FluxGen.Emulator;
using FluxGen.IntegrationTests.Client;
using FluxGen.IntegrationTests.Emulator;
using FluxGen.IntegrationTests.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace FluxGen.IntegrationTests.ScaleOut;

/// <summary>
/// Three instances of one ASP.NET Core app on loopback, each with <c>AddApiframeRedisWebhooks</c> on the same Garnet
/// server; the webhook URL of all three points at instance 0, as a load balancer would send every delivery to one.
/// </summary>
internal sealed class RelayCluster : IAsyncDisposable
{
    public const string Key = "afk_scale_out_secret_key_7";

    private readonly Dictionary<string, string?> _settings;

    private RelayCluster(ApiframeEmulator emulator, GarnetRedis redis, Dictionary<string, string?> settings)
    {
        Emulator = emulator;
        Redis = redis;
        _settings = settings;
    }

    public ApiframeEmulator Emulator { get; }

    public GarnetRedis Redis { get; }

    public WebhookApp[] Instances { get; } = new WebhookApp[3];

    /// <summary>The instance Apiframe delivers every webhook to.</summary>
    public WebhookApp Receiver => Instances[0];

    public static async Task<RelayCluster> StartAsync(double webhookFallbackFactor = 20)
    {
        var emulator = await ApiframeEmulator.StartAsync(new EmulatorOptions { TimeScale = 1 / ClientFixture.Speedup });
        var settings = new Dictionary<string, string?> { ["Apiframe:WebhookFallbackFactor"] = webhookFallbackFactor.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        var cluster = new RelayCluster(emulator, GarnetRedis.Start(), settings);
        cluster.Instances[0] = await cluster.StartInstanceAsync(receiverUrl: null);
        settings["Apiframe:WebhookUrl"] = cluster.Receiver.WebhookUrl.ToString();
        cluster.Instances[1] = await cluster.StartInstanceAsync(cluster.Receiver.WebhookUrl);
        cluster.Instances[2] = await cluster.StartInstanceAsync(cluster.Receiver.WebhookUrl);
        await cluster.WaitUntilRelayingAsync();
        return cluster;
    }

    /// <summary>Stops instance <paramref name="index"/> and starts a fresh one in its place (nothing kept in memory).</summary>
    public async Task RestartAsync(int index)
    {
        await Instances[index].DisposeAsync();
        Instances[index] = await StartInstanceAsync(Receiver.WebhookUrl);
        await WaitUntilRelayingAsync();
    }

    public Task WaitUntilRelayingAsync() =>
        Eventually.WaitAsync(() => Instances.All(i => Relay(i).IsRelaying), all => all, "every instance relaying through Redis");

    public static ApiframeRedisWebhookRelay Relay(WebhookApp app) => app.App.Services.GetRequiredService<ApiframeRedisWebhookRelay>();

    /// <summary>Job GETs the emulator saw for the job: the polls, from whichever instance.</summary>
    public int PollsFor(string jobId) =>
        Emulator.Requests.Count(r => r.Method == "GET" && r.Path.EndsWith("/v2/jobs/" + jobId, StringComparison.Ordinal));

    /// <summary>How many times a handler ran for the job's final event, over all instances.</summary>
    public int HandledFinalEvents(string jobId) =>
        Instances.Sum(i => i.Handler.Events.Count(e => e.JobId == jobId && ApiframeWebhookInbox.IsFinal(e)));

    public async ValueTask DisposeAsync()
    {
        foreach (var instance in Instances)
        {
            if (instance is not null)
            {
                await instance.DisposeAsync();
            }
        }

        Redis.Dispose();
        await Emulator.DisposeAsync();
    }

    private Task<WebhookApp> StartInstanceAsync(Uri? receiverUrl)
    {
        var settings = new Dictionary<string, string?>(_settings);
        if (receiverUrl is null)
        {
            settings.Remove("Apiframe:WebhookUrl");
        }

        return WebhookApp.StartAsync(Emulator.BaseAddress, Key, settings, services => services.AddApiframeRedisWebhooks(Redis.Configuration));
    }
}
