using Apiframe;
using Apiframe.Webhooks;
using FluxGen.IntegrationTests.Emulator;
using Xunit;

namespace FluxGen.IntegrationTests.Client;

/// <summary>Webhooks for a generated request arrive, verify with the generated verifier, and forgeries do not.</summary>
public class WebhookTests
{
    [Fact]
    public async Task SubscribedEventsArriveSignedAndForgeriesAreRejected()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        // A job four times the usual length leaves a wide window for progress events even on a busy machine.
        await using var fixture = await ClientFixture.StartAsync(e => e.SlowJobFactor = 4);
        fixture.Emulator.EnqueueFault(global::FluxGen.Emulator.EmulatorFault.SlowJob);

        var job = await fixture.Client.GenerateAsync(new Flux11ProRequest("hooked")
        {
            WebhookUrl = receiver.Url.ToString(),
            WebhookEvents = [WebhookEvent.Progress, WebhookEvent.Completed],
        });
        var calls = await Eventually.WaitAsync(() => receiver.Received.ToArray(), r => r.Any(c => c.Event == "completed"), "the completed webhook");

        var verifier = new ApiframeWebhookVerifier(ClientFixture.Key);
        Assert.Contains(calls, c => c.Event == "progress");
        foreach (var call in calls)
        {
            Assert.True(verifier.Verify(call.Body, call.Signature), $"{call.Event} did not verify");
            var parsed = verifier.VerifyAndParse(call.Body, call.Signature);
            Assert.Equal(job.Id, parsed.JobId);
            Assert.Equal(call.Event, parsed.Event.ToString());
        }

        var completed = calls.Last(c => c.Event == "completed");
        Assert.Equal(job.Images, ApiframeWebhookEvent.Parse(completed.Body).Images);

        var altered = (byte[])completed.Body.Clone();
        altered[^2] ^= 0x01;
        Assert.False(verifier.Verify(altered, completed.Signature));
        Assert.False(new ApiframeWebhookVerifier("afk_someone_else").Verify(completed.Body, completed.Signature));
        Assert.False(verifier.Verify(completed.Body, "sha256=" + new string('0', 64)));
        Assert.Throws<ApiframeException>(() => verifier.VerifyAndParse(altered, completed.Signature));
    }
}
