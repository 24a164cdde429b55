using System.Net;
using System.Text;
using Apiframe;
using FluxGen.Emulator;
using FluxGen.Emulator.Webhooks;
using FluxGen.IntegrationTests.Client;
using FluxGen.IntegrationTests.Emulator;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Xunit;
using Xunit.Abstractions;

namespace FluxGen.IntegrationTests.Hosting;

/// <summary>The client from DI in a generic host and in an ASP.NET Core app, against the emulator.</summary>
public sealed class WebhookWaitTests(ITestOutputHelper output)
{
    private const string Key = "afk_hosting_secret_key_42";

    [Fact]
    public async Task An_ASP_NET_Core_app_with_MapApiframeWebhooks_generates_with_zero_polls()
    {
        await using var emulator = await ApiframeEmulator.StartAsync(new EmulatorOptions { TimeScale = 1 / ClientFixture.Speedup });
        await using var app = await WebhookApp.StartAsync(emulator.BaseAddress, Key);

        var jobs = new List<ApiframeJob>();
        for (var i = 0; i < 3; i++)
        {
            jobs.Add(await app.Client.GenerateAsync(new Flux11ProRequest("webhook " + i)));
        }

        var polls = jobs.Select(j => PollsFor(emulator, j.Id)).ToArray();
        output.WriteLine($"polls per job with webhooks: {string.Join(", ", polls)}");
        Assert.All(polls, p => Assert.Equal(0, p));
        Assert.All(jobs, j => Assert.Equal(ApiframeJobStatus.Completed, j.Status));
        Assert.All(jobs, j => Assert.NotEmpty(j.Images));
        Assert.All(jobs, j => Assert.Equal(emulator.GetJob(j.Id)!.ImageUrls.Count, j.Images.Count));

        // The emulator was asked for the events at the app's endpoint, and the handler in DI saw each completion.
        // (The emulator records a delivery once our endpoint has answered, which can be after the wait has ended.)
        await Eventually.WaitAsync(
            () => emulator.WebhookDeliveries,
            d => jobs.All(j => d.Any(x => x.JobId == j.Id && x.Event == "completed" && x.Url == app.WebhookUrl && x.Succeeded)),
            "the completed deliveries");
        await Eventually.WaitAsync(() => app.Handler.Events.ToArray(), e => jobs.All(j => e.Any(x => x.JobId == j.Id)), "the handler's events");

        // And the result is there to fetch through the same client.
        await using var image = await app.Client.DownloadAsync(jobs[0].Images[0]);
        Assert.True(image.ReadByte() >= 0);

        Assert.Contains(app.Logs.Entries, e => e.EventId == ApiframeLog.CompletedEvent && e.Message.Contains("webhook: True", StringComparison.Ordinal));
        AssertNoKey(app.Logs);
    }

    [Fact]
    public async Task Video_music_and_grid_results_from_a_webhook_equal_what_a_poll_returns()
    {
        await using var emulator = await ApiframeEmulator.StartAsync(new EmulatorOptions { TimeScale = 1 / ClientFixture.Speedup });
        await using var app = await WebhookApp.StartAsync(emulator.BaseAddress, Key);

        IApiframeRequest[] requests = [new Kling21Request("a paper boat"), new SunoRequest("rainy lo-fi"), new MidjourneyRequest("a fox")];
        foreach (var request in requests)
        {
            var fromWebhook = await app.Client.GenerateAsync(request);
            Assert.Equal(0, PollsFor(emulator, fromWebhook.Id));

            var polled = await app.Client.GetJobAsync(fromWebhook.Id);
            AssertSameResult(polled, fromWebhook);
        }
    }

    internal static void AssertSameResult(ApiframeJob polled, ApiframeJob fromWebhook)
    {
        Assert.NotEmpty(polled.Images.Concat(polled.Videos).Concat(polled.Audio));
        Assert.Equal(polled.Images, fromWebhook.Images);
        Assert.Equal(polled.Videos, fromWebhook.Videos);
        Assert.Equal(polled.Audio, fromWebhook.Audio);
        Assert.Equal(polled.GridUrl, fromWebhook.GridUrl);
        Assert.Equal(polled.Result?.GetRawText(), fromWebhook.Result?.GetRawText());
        Assert.Equal(polled.CreditCost, fromWebhook.CreditCost);
    }

    [Fact]
    public async Task A_failed_job_fails_from_its_webhook_with_zero_polls()
    {
        await using var emulator = await ApiframeEmulator.StartAsync(new EmulatorOptions { TimeScale = 1 / ClientFixture.Speedup });
        await using var app = await WebhookApp.StartAsync(emulator.BaseAddress, Key);
        emulator.EnqueueFault(EmulatorFault.FailJob);

        var error = await Assert.ThrowsAsync<ApiframeException>(() => app.Client.GenerateAsync(new Flux11ProRequest("doomed")));

        Assert.Equal(ApiframeJobStatus.Failed, error.Job!.Status);
        Assert.Equal(0, PollsFor(emulator, error.Job.Id));
        Assert.Contains(app.Logs.Entries, e => e.EventId == ApiframeLog.FailedEvent);
        AssertNoKey(app.Logs);
    }

    [Fact]
    public async Task A_generic_host_resolves_the_client_from_configuration_and_polls_without_webhooks()
    {
        await using var emulator = await ApiframeEmulator.StartAsync(new EmulatorOptions { TimeScale = 1 / ClientFixture.Speedup });
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Apiframe:ApiKey"] = Key,
            ["Apiframe:BaseAddress"] = emulator.BaseAddress.ToString(),
            ["Apiframe:MaxRetries"] = "3",
        });
        var logs = new CapturingLoggerProvider();
        builder.Services.AddLogging(l => l.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        var handlers = 0;
        builder.Services.AddApiframeClient(o => o.TimeProvider = new ScaledTimeProvider(ClientFixture.Speedup))
            .AddHttpMessageHandler(() => new CountingHandler(() => Interlocked.Increment(ref handlers)));
        using var host = builder.Build();
        await host.StartAsync();
        var client = host.Services.GetRequiredService<ApiframeClient>();
        Assert.Equal(3, host.Services.GetRequiredService<IOptions<ApiframeClientOptions>>().Value.MaxRetries);

        // Every logged path: a retry (503), polls, a completion, then a refused call.
        emulator.EnqueueFault(EmulatorFault.ServiceUnavailable);
        var job = await client.GenerateAsync(new Flux11ProRequest("polled"));
        await Assert.ThrowsAsync<ApiframeException>(() => client.GetJobAsync("no-such-job"));

        var polls = PollsFor(emulator, job.Id);
        output.WriteLine($"polls per job without webhooks: {polls}");
        Assert.InRange(polls, 1, 4);
        Assert.True(handlers > polls, "the handler added through the IHttpClientBuilder saw every request");
        foreach (var id in new[] { ApiframeLog.SubmittedEvent, ApiframeLog.RetryingEvent, ApiframeLog.PolledEvent, ApiframeLog.CompletedEvent, ApiframeLog.FailedEvent })
        {
            Assert.Contains(logs.Entries, e => e.EventId == id);
        }

        AssertNoKey(logs);
        await host.StopAsync();
    }

    [Fact]
    public async Task A_generic_host_with_its_own_webhook_listener_generates_with_zero_polls()
    {
        await using var emulator = await ApiframeEmulator.StartAsync(new EmulatorOptions { TimeScale = 1 / ClientFixture.Speedup });
        var port = ListenerWebhookService.FreePort();
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Apiframe:ApiKey"] = Key,
            ["Apiframe:BaseAddress"] = emulator.BaseAddress.ToString(),
            ["Apiframe:WebhookUrl"] = ListenerWebhookService.UrlFor(port).ToString(),
            ["Apiframe:WebhookFallbackFactor"] = "20",
        });
        builder.Services.AddApiframeClient(o => o.TimeProvider = new ScaledTimeProvider(ClientFixture.Speedup));
        builder.Services.AddHostedService(provider => new ListenerWebhookService(provider.GetRequiredService<Apiframe.Webhooks.ApiframeWebhookInbox>(), Key, port));
        using var host = builder.Build();
        await host.StartAsync();
        var client = host.Services.GetRequiredService<ApiframeClient>();
        await Eventually.WaitAsync(() => host.Services.GetRequiredService<Apiframe.Webhooks.ApiframeWebhookInbox>().IsReceiving, r => r, "the listener");

        var job = await client.GenerateAsync(new Flux11ProRequest("generic host, webhooks"));

        Assert.Equal(ApiframeJobStatus.Completed, job.Status);
        Assert.Equal(0, PollsFor(emulator, job.Id));
        await host.StopAsync();
    }

    [Fact]
    public async Task A_bad_configuration_stops_the_host_at_start_with_every_problem_named()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Apiframe:BaseAddress"] = "not a url",
            ["Apiframe:MaxRetries"] = "many",
        });
        builder.Services.AddApiframeClient();
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Apiframe:BaseAddress", error.Message);
        Assert.Contains("Apiframe:MaxRetries", error.Message);
        Assert.Contains("No API key", error.Message);
    }

    [Fact]
    public async Task Forged_altered_malformed_and_repeated_deliveries_are_refused_or_ignored()
    {
        await using var emulator = await ApiframeEmulator.StartAsync(new EmulatorOptions { TimeScale = 1 / ClientFixture.Speedup });
        await using var app = await WebhookApp.StartAsync(emulator.BaseAddress, Key);
        using var http = new HttpClient();
        var body = Encoding.UTF8.GetBytes("""{"event":"completed","jobId":"job_forged","status":"COMPLETED","result":"https://cdn.test/a.png"}""");
        var signature = WebhookSigner.Sign(Key, body);
        var altered = (byte[])body.Clone();
        altered[^3] ^= 0x01;
        var notJson = Encoding.UTF8.GetBytes("not json");

        Assert.Equal(HttpStatusCode.Unauthorized, await Post(http, app.WebhookUrl, body, null));
        Assert.Equal(HttpStatusCode.Unauthorized, await Post(http, app.WebhookUrl, body, "sha256=" + new string('0', 64)));
        Assert.Equal(HttpStatusCode.Unauthorized, await Post(http, app.WebhookUrl, body, WebhookSigner.Sign("afk_someone_else", body)));
        Assert.Equal(HttpStatusCode.Unauthorized, await Post(http, app.WebhookUrl, altered, signature));
        Assert.Equal(HttpStatusCode.BadRequest, await Post(http, app.WebhookUrl, notJson, WebhookSigner.Sign(Key, notJson)));
        Assert.Empty(app.Handler.Events);

        Assert.Equal(HttpStatusCode.OK, await Post(http, app.WebhookUrl, body, signature));
        Assert.Equal(HttpStatusCode.OK, await Post(http, app.WebhookUrl, body, signature.ToUpperInvariant().Replace("SHA256=", "sha256=", StringComparison.Ordinal)));
        var only = Assert.Single(app.Handler.Events);
        Assert.Equal("job_forged", only.JobId);
    }

    private static async Task<HttpStatusCode> Post(HttpClient http, Uri url, byte[] body, string? signature)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
        if (signature is not null)
        {
            request.Headers.Add("X-Webhook-Signature", signature);
        }

        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }

    private static int PollsFor(ApiframeEmulator emulator, string jobId) =>
        emulator.Requests.Count(r => r.Method == "GET" && r.Path.EndsWith("/v2/jobs/" + jobId, StringComparison.Ordinal));

    private static void AssertNoKey(CapturingLoggerProvider logs)
    {
        Assert.NotEmpty(logs.Entries);
        Assert.All(logs.AllText(), text => Assert.DoesNotContain(Key, text, StringComparison.Ordinal));
    }

    private sealed class CountingHandler(Action onSend) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            onSend();
            return base.SendAsync(request, cancellationToken);
        }
    }
}
