using System.Net;
using System.Text;
using Apiframe;
using Apiframe.Webhooks;
using FluxGen.Emulator;
using FluxGen.IntegrationTests.Emulator;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;
using Xunit;
using Xunit.Abstractions;

namespace FluxGen.IntegrationTests.ScaleOut;

/// <summary>
/// Several instances behind one webhook URL, relaying through a real Redis-protocol server (Garnet, started and
/// stopped here): waits finish on any instance from a delivery another received, with 0 polls, and handlers run once.
/// </summary>
public sealed class RedisRelayTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Thirty_generations_waited_on_the_two_other_instances_complete_with_zero_polls()
    {
        await using var cluster = await RelayCluster.StartAsync();

        var jobs = await Task.WhenAll(Enumerable.Range(0, 30).Select(i =>
            cluster.Instances[1 + (i % 2)].Client.GenerateAsync(new Flux11ProRequest("scale out " + i))));

        var polls = jobs.Select(j => cluster.PollsFor(j.Id)).ToArray();
        output.WriteLine($"polls per job across instances: {string.Join(", ", polls)}");
        Assert.All(polls, p => Assert.Equal(0, p));
        Assert.All(jobs, j => Assert.Equal(ApiframeJobStatus.Completed, j.Status));
        Assert.All(jobs, j => Assert.Equal(cluster.Emulator.GetJob(j.Id)!.ImageUrls.Count, j.Images.Count));
        Assert.All(jobs, j => Assert.All(cluster.Emulator.WebhookDeliveries.Where(d => d.JobId == j.Id), d => Assert.Equal(cluster.Receiver.WebhookUrl, d.Url)));

        // Each completion was handled once in the whole cluster, by the instance that received it.
        await Eventually.WaitAsync(() => jobs.Select(j => cluster.HandledFinalEvents(j.Id)).ToArray(), h => h.All(n => n >= 1), "the handlers");
        Assert.All(jobs, j => Assert.Equal(1, cluster.HandledFinalEvents(j.Id)));
    }

    [Fact]
    public async Task An_event_that_came_before_its_wait_finishes_it_with_zero_polls_on_another_or_a_restarted_instance()
    {
        await using var cluster = await RelayCluster.StartAsync();

        // Submitted on instance 1, finished and delivered to instance 0, then waited for on instance 2.
        var early = await cluster.Instances[1].Client.SubmitAsync(new Flux11ProRequest("before its wait"));
        await DeliveredAsync(cluster, early.JobId);
        var job = await cluster.Instances[2].Client.WaitForCompletionAsync(early.JobId);
        Assert.Equal(ApiframeJobStatus.Completed, job.Status);
        Assert.Equal(cluster.Emulator.GetJob(early.JobId)!.ImageUrls.Count, job.Images.Count);
        Assert.Equal(0, cluster.PollsFor(early.JobId));

        // Submitted on instance 2, which restarts (remembering nothing) before its wait begins.
        var beforeRestart = await cluster.Instances[2].Client.SubmitAsync(new Flux11ProRequest("across a restart"));
        await cluster.RestartAsync(2);
        await DeliveredAsync(cluster, beforeRestart.JobId);
        var resumed = await cluster.Instances[2].Client.WaitForCompletionAsync(beforeRestart.JobId);
        Assert.Equal(ApiframeJobStatus.Completed, resumed.Status);
        Assert.Equal(0, cluster.PollsFor(beforeRestart.JobId));
    }

    [Fact]
    public async Task A_music_or_video_job_relayed_to_another_instance_returns_what_a_poll_returns()
    {
        await using var cluster = await RelayCluster.StartAsync();

        var music = await cluster.Instances[1].Client.GenerateAsync(new SunoRequest("relayed lo-fi"));
        var video = await cluster.Instances[2].Client.GenerateAsync(new Kling21Request("relayed paper boat"));

        Assert.Equal(0, cluster.PollsFor(music.Id));
        Assert.Equal(0, cluster.PollsFor(video.Id));
        Hosting.WebhookWaitTests.AssertSameResult(await cluster.Instances[1].Client.GetJobAsync(music.Id), music);
        Hosting.WebhookWaitTests.AssertSameResult(await cluster.Instances[2].Client.GetJobAsync(video.Id), video);
    }

    [Fact]
    public async Task A_repeated_delivery_and_one_received_by_two_instances_run_the_handler_once()
    {
        await using var cluster = await RelayCluster.StartAsync();
        using var http = new HttpClient();
        var body = Event("job_twice", "completed");
        var signature = WebhookSigner.Sign(RelayCluster.Key, body);

        // The sender repeats it to the receiver, and a balancer also hands it to the two others (at once).
        Assert.Equal(HttpStatusCode.OK, await Post(http, cluster.Receiver.WebhookUrl, body, signature));
        Assert.Equal(HttpStatusCode.OK, await Post(http, cluster.Receiver.WebhookUrl, body, signature));
        var others = await Task.WhenAll(cluster.Instances.Skip(1).Select(i => Post(http, i.WebhookUrl, body, signature)));
        Assert.All(others, s => Assert.Equal(HttpStatusCode.OK, s));

        Assert.Equal(1, cluster.HandledFinalEvents("job_twice"));

        // A second, distinct delivery received by two instances at the same moment: still one handler run.
        var other = Event("job_raced", "completed");
        var otherSignature = WebhookSigner.Sign(RelayCluster.Key, other);
        await Task.WhenAll(Post(http, cluster.Instances[1].WebhookUrl, other, otherSignature), Post(http, cluster.Instances[2].WebhookUrl, other, otherSignature));
        Assert.Equal(1, cluster.HandledFinalEvents("job_raced"));
    }

    [Fact]
    public async Task A_delivery_whose_handling_instance_died_mid_way_is_handled_when_the_sender_retries()
    {
        await using var cluster = await RelayCluster.StartAsync();
        await using var redis = await ConnectionMultiplexer.ConnectAsync(cluster.Redis.Configuration);
        using var http = new HttpClient();
        var body = Event("job_orphaned", "completed");
        var signature = WebhookSigner.Sign(RelayCluster.Key, body);
        var claim = ApiframeRedisWebhookRelay.DeliveryKey(ApiframeWebhookVerifier.DeliveryId(signature));

        // An instance claimed it and died before its handlers finished: what it leaves in Redis is its claim.
        await redis.GetDatabase().StringSetAsync(claim, "processing", TimeSpan.FromMinutes(1));

        // While the claim holds, a retry is not acknowledged (so the sender keeps it), and no handler runs twice.
        var whileHeld = await Post(http, cluster.Instances[1].WebhookUrl, body, signature);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, whileHeld);
        Assert.Equal(0, cluster.HandledFinalEvents("job_orphaned"));

        // Once the claim's lease is over (ended here rather than waited out), the sender's retry is handled, once.
        await redis.GetDatabase().KeyDeleteAsync(claim);
        Assert.Equal(HttpStatusCode.OK, await Post(http, cluster.Instances[2].WebhookUrl, body, signature));
        Assert.Equal(HttpStatusCode.OK, await Post(http, cluster.Instances[1].WebhookUrl, body, signature));
        Assert.Equal(1, cluster.HandledFinalEvents("job_orphaned"));
    }

    [Fact]
    public async Task A_message_written_straight_into_Redis_finishes_nothing_unless_Apiframe_signed_it()
    {
        await using var cluster = await RelayCluster.StartAsync(webhookFallbackFactor: 1);
        await using var redis = await ConnectionMultiplexer.ConnectAsync(cluster.Redis.Configuration);
        var database = redis.GetDatabase();
        var waiter = cluster.Instances[1].Client;
        var patience = TimeSpan.FromSeconds(2);

        // Kept for a later wait: forged (another key) versus genuine, the same way.
        var forgedKept = Event("job_forged_kept", "completed");
        await database.StringSetAsync(ApiframeRedisWebhookRelay.EventKey("job_forged_kept"), Message(WebhookSigner.Sign("afk_attacker", forgedKept), forgedKept));
        var genuineKept = Event("job_genuine_kept", "completed");
        await database.StringSetAsync(ApiframeRedisWebhookRelay.EventKey("job_genuine_kept"), Message(WebhookSigner.Sign(RelayCluster.Key, genuineKept), genuineKept));

        // A genuine event kept under another job's key does not finish that job either.
        await database.StringSetAsync(ApiframeRedisWebhookRelay.EventKey("job_moved"), Message(WebhookSigner.Sign(RelayCluster.Key, genuineKept), genuineKept));

        var genuine = await waiter.WaitForCompletionAsync("job_genuine_kept", expectedDuration: patience);
        Assert.Equal(ApiframeJobStatus.Completed, genuine.Status);
        Assert.Equal(0, cluster.PollsFor("job_genuine_kept"));

        // Not finished from Redis: the wait falls back to polling, and the emulator has no such job.
        var refused = await Assert.ThrowsAsync<ApiframeException>(() => waiter.WaitForCompletionAsync("job_forged_kept", expectedDuration: patience));
        Assert.Equal(404, refused.StatusCode);
        Assert.True(cluster.PollsFor("job_forged_kept") >= 1);
        await Assert.ThrowsAsync<ApiframeException>(() => waiter.WaitForCompletionAsync("job_moved", expectedDuration: patience));

        // Published to waits already running: the forged message, garbage and an oversized one are dropped; the
        // genuine one finishes its wait.
        var forgedWait = waiter.WaitForCompletionAsync("job_forged_live", expectedDuration: patience);
        var genuineWait = waiter.WaitForCompletionAsync("job_genuine_live", expectedDuration: patience);
        var forgedLive = Event("job_forged_live", "completed");
        await redis.GetSubscriber().PublishAsync(ApiframeRedisWebhookRelay.Channel, Message(WebhookSigner.Sign("afk_attacker", forgedLive), forgedLive));
        await redis.GetSubscriber().PublishAsync(ApiframeRedisWebhookRelay.Channel, Message("sha256=" + new string('0', 64), forgedLive));
        await redis.GetSubscriber().PublishAsync(ApiframeRedisWebhookRelay.Channel, Encoding.UTF8.GetBytes("no signature at all"));
        await redis.GetSubscriber().PublishAsync(ApiframeRedisWebhookRelay.Channel, new byte[300 * 1024]);
        var genuineLive = Event("job_genuine_live", "completed");
        await redis.GetSubscriber().PublishAsync(ApiframeRedisWebhookRelay.Channel, Message(WebhookSigner.Sign(RelayCluster.Key, genuineLive), genuineLive));

        Assert.Equal(ApiframeJobStatus.Completed, (await genuineWait).Status);
        Assert.Equal(0, cluster.PollsFor("job_genuine_live"));
        await Assert.ThrowsAsync<ApiframeException>(() => forgedWait);
        Assert.True(cluster.PollsFor("job_forged_live") >= 1);

        // Nothing written into Redis reaches a handler.
        Assert.All(cluster.Instances, i => Assert.Empty(i.Handler.Events));
    }

    [Fact]
    public async Task With_Redis_stopped_mid_run_every_wait_finishes_by_polling_and_the_relay_resumes_when_it_is_back()
    {
        // A short fallback window (the model's average duration × 2), so waits without their event poll soon.
        await using var cluster = await RelayCluster.StartAsync(webhookFallbackFactor: 2);

        var inFlight = Enumerable.Range(0, 6).Select(i => cluster.Instances[1 + (i % 2)].Client.GenerateAsync(new Flux11ProRequest("mid-run " + i))).ToArray();
        cluster.Redis.Stop();
        var duringOutage = await Task.WhenAll(inFlight.Append(cluster.Instances[1].Client.GenerateAsync(new Flux11ProRequest("during the outage"))));

        Assert.All(duringOutage, j => Assert.Equal(ApiframeJobStatus.Completed, j.Status));
        var outageJob = duringOutage[^1];
        Assert.True(cluster.PollsFor(outageJob.Id) >= 1, "without Redis, a wait on another instance falls back to polling");

        // The receiver still answered every delivery 2xx and handled each one itself.
        await Eventually.WaitAsync(
            () => cluster.Emulator.WebhookDeliveries,
            d => duringOutage.All(j => d.Any(x => x.JobId == j.Id && x.Event == "completed" && x.Succeeded)),
            "the deliveries answered during the outage");
        Assert.DoesNotContain(cluster.Emulator.WebhookDeliveries, d => !d.Succeeded);
        await Eventually.WaitAsync(() => duringOutage.Select(j => cluster.HandledFinalEvents(j.Id)).ToArray(), h => h.All(n => n == 1), "the handlers during the outage");

        // One warning per instance for the whole outage.
        Assert.All(cluster.Instances, i => Assert.Equal(1, i.Logs.Entries.Count(e => e.EventId == ApiframeRedisLog.RelayUnavailableEvent)));
        Assert.All(cluster.Instances, i => Assert.Equal(LogLevel.Warning, i.Logs.Entries.First(e => e.EventId == ApiframeRedisLog.RelayUnavailableEvent).Level));

        // Redis back, empty: the relay reconnects by itself, shares what came meanwhile, and waits need no poll again.
        cluster.Redis.Restart();
        await cluster.WaitUntilRelayingAsync();
        await Eventually.WaitAsync(() => cluster.Receiver.Logs.Entries.Any(e => e.EventId == ApiframeRedisLog.RelayResumedEvent), r => r, "the receiver catching up");
        var pollsBefore = cluster.PollsFor(outageJob.Id);
        var again = await cluster.Instances[2].Client.WaitForCompletionAsync(outageJob.Id);
        Assert.Equal(ApiframeJobStatus.Completed, again.Status);
        Assert.Equal(pollsBefore, cluster.PollsFor(outageJob.Id));

        var after = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => cluster.Instances[1 + (i % 2)].Client.GenerateAsync(new Flux11ProRequest("after " + i))));
        Assert.All(after, j => Assert.Equal(0, cluster.PollsFor(j.Id)));
        output.WriteLine($"polls during the outage: {string.Join(", ", duringOutage.Select(j => cluster.PollsFor(j.Id)))}; after: {string.Join(", ", after.Select(j => cluster.PollsFor(j.Id)))}");
    }

    private static Task DeliveredAsync(RelayCluster cluster, string jobId) =>
        Eventually.WaitAsync(
            () => cluster.Emulator.WebhookDeliveries,
            d => d.Any(x => x.JobId == jobId && x.Event == "completed" && x.Succeeded),
            "the completed delivery of " + jobId);

    private static byte[] Event(string jobId, string kind) =>
        Encoding.UTF8.GetBytes($$"""{"event":"{{kind}}","jobId":"{{jobId}}","status":"COMPLETED","result":"https://cdn.test/{{jobId}}.png"}""");

    private static byte[] Message(string signature, byte[] body) => [.. Encoding.ASCII.GetBytes(signature + "\n"), .. body];

    private static async Task<HttpStatusCode> Post(HttpClient http, Uri url, byte[] body, string signature)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
        request.Headers.Add("X-Webhook-Signature", signature);
        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }
}
