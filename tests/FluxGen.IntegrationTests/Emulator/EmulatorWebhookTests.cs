using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using FluxGen.Emulator;
using Xunit;

namespace FluxGen.IntegrationTests.Emulator;

public sealed class EmulatorWebhookTests
{
    [Fact]
    public void Signer_matches_the_documented_test_vector()
    {
        var signature = WebhookSigner.Sign("afk_test_123", """{"event":"completed","jobId":"j1"}"""u8);

        Assert.Equal("sha256=3e91d12299bd1c1c65fe8aa11dc6f4a63a97413d8fff08b0d9db669b98fc2f39", signature);
    }

    [Fact]
    public async Task Completed_webhook_arrives_signed_and_the_job_says_delivered()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var emulator = await ApiframeEmulator.StartAsync(new EmulatorOptions { ManualClock = true });
        using var http = new EmulatorHttp(emulator.BaseAddress);
        var id = await http.SubmitOkAsync(EmulatorHttp.Body(extra: $"\"webhookUrl\":\"{receiver.Url}\""));
        Assert.Equal("pending", (await http.GetJobAsync(id)).GetProperty("webhookStatus").GetString());

        emulator.AdvanceClock(TimeSpan.FromMinutes(1));
        await Eventually.WaitAsync(() => emulator.GetJob(id)!.WebhookStatus, s => s != "pending", "the webhook to settle");

        // Without webhookEvents only the end of the job is posted: no progress calls.
        var call = Assert.Single(receiver.Received);
        Assert.Equal("completed", call.Event);
        Assert.Equal("application/json", call.ContentType?.Split(';')[0]);
        Assert.Equal(Verify(EmulatorHttp.Key, call.Body), call.Signature);
        using var payload = JsonDocument.Parse(call.Body);
        var root = payload.RootElement;
        Assert.Equal(
            ["completedAt", "creditCost", "error", "event", "jobId", "model", "progress", "result", "status"],
            root.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal(("completed", id, "COMPLETED", "flux-1.1-pro", 1, 100), (
            root.GetProperty("event").GetString(),
            root.GetProperty("jobId").GetString(),
            root.GetProperty("status").GetString(),
            root.GetProperty("model").GetString(),
            root.GetProperty("creditCost").GetInt32(),
            root.GetProperty("progress").GetInt32()));
        Assert.Single(root.GetProperty("result").GetProperty("images").EnumerateArray());
        Assert.Equal("delivered", (await http.GetJobAsync(id)).GetProperty("webhookStatus").GetString());
    }

    [Fact]
    public async Task Subscribed_progress_events_come_in_order_before_completed()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var emulator = await ApiframeEmulator.StartAsync(new EmulatorOptions { ManualClock = true, TimeScale = 1 });
        using var http = new EmulatorHttp(emulator.BaseAddress);
        var id = await http.SubmitOkAsync(EmulatorHttp.Body(extra: $"\"webhookUrl\":\"{receiver.Url}\",\"webhookEvents\":[\"progress\",\"completed\"]"));

        emulator.AdvanceClock(TimeSpan.FromSeconds(1));    // processing, 0%
        emulator.AdvanceClock(TimeSpan.FromSeconds(4.6));  // 51%
        emulator.AdvanceClock(TimeSpan.FromSeconds(0.1));  // 52%: same tenth, no new event
        emulator.AdvanceClock(TimeSpan.FromSeconds(10));   // completed
        await Eventually.WaitAsync(() => emulator.GetJob(id)!.WebhookStatus, s => s != "pending", "the webhook to settle");

        var calls = receiver.Received.ToList();
        Assert.Equal(["progress", "progress", "completed"], calls.Select(c => c.Event));
        Assert.Equal([0, 51, 100], calls.Select(c => JsonDocument.Parse(c.Body).RootElement.GetProperty("progress").GetInt32()));
        Assert.All(calls, c => Assert.Equal(Verify(EmulatorHttp.Key, c.Body), c.Signature));
        Assert.Equal("delivered", emulator.GetJob(id)!.WebhookStatus);
    }

    [Fact]
    public async Task Failed_job_posts_failed_with_its_error()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var emulator = await ApiframeEmulator.StartAsync(new EmulatorOptions { ManualClock = true, JobFailureReason = "Upstream timeout" });
        using var http = new EmulatorHttp(emulator.BaseAddress);
        emulator.EnqueueFault(EmulatorFault.FailJob);
        var id = await http.SubmitOkAsync(EmulatorHttp.Body(extra: $"\"webhookUrl\":\"{receiver.Url}\""));

        emulator.AdvanceClock(TimeSpan.FromMinutes(1));
        await Eventually.WaitAsync(() => emulator.GetJob(id)!.WebhookStatus, s => s != "pending", "the webhook to settle");

        var call = Assert.Single(receiver.Received);
        var root = JsonDocument.Parse(call.Body).RootElement;
        Assert.Equal(("failed", "FAILED", "Upstream timeout", 0), (
            call.Event,
            root.GetProperty("status").GetString(),
            root.GetProperty("error").GetString(),
            root.GetProperty("creditCost").GetInt32()));
        Assert.Equal(JsonValueKind.Null, root.GetProperty("result").ValueKind);
    }

    [Fact]
    public async Task Receiver_errors_are_retried_then_the_job_says_failed()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.ReplyStatus = 500;
        await using var emulator = await ApiframeEmulator.StartAsync(new EmulatorOptions { ManualClock = true, WebhookAttempts = 3, WebhookRetryDelayMilliseconds = 1 });
        using var http = new EmulatorHttp(emulator.BaseAddress);
        var id = await http.SubmitOkAsync(EmulatorHttp.Body(extra: $"\"webhookUrl\":\"{receiver.Url}\""));

        emulator.AdvanceClock(TimeSpan.FromMinutes(1));
        var status = await Eventually.WaitAsync(() => emulator.GetJob(id)!.WebhookStatus, s => s != "pending", "the webhook to settle");

        Assert.Equal("failed", status);
        Assert.Equal(3, receiver.Received.Count);
        Assert.Equal([1, 2, 3], emulator.WebhookDeliveries.Select(d => d.Attempt));
        Assert.All(emulator.WebhookDeliveries, d => Assert.Equal(500, d.StatusCode));
    }

    [Fact]
    public async Task Signature_is_keyed_by_the_submitting_api_key()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var emulator = await ApiframeEmulator.StartAsync(new EmulatorOptions { TimeScale = 0 });
        using var http = new EmulatorHttp(emulator.BaseAddress);
        var id = await http.SubmitOkAsync(EmulatorHttp.Body(extra: $"\"webhookUrl\":\"{receiver.Url}\""), key: "afk_other_key");

        await Eventually.WaitAsync(() => emulator.GetJob(id)!.WebhookStatus, s => s != "pending", "the webhook to settle");

        var call = Assert.Single(receiver.Received);
        Assert.Equal(Verify("afk_other_key", call.Body), call.Signature);
        Assert.NotEqual(Verify(EmulatorHttp.Key, call.Body), call.Signature);
    }

    // The documented rule, written out independently of the emulator's signer.
    private static string Verify(string apiKey, byte[] body)
    {
        var key = SHA256.HashData(Encoding.UTF8.GetBytes(apiKey));
        return "sha256=" + Convert.ToHexString(HMACSHA256.HashData(key, body)).ToLowerInvariant();
    }
}
