using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Apiframe;
using Apiframe.Webhooks;
using FluxGen.Support.Tests.Infrastructure;
using Xunit;

namespace FluxGen.Support.Tests.Webhooks;

// A wait asks the inbox's relay (several instances, one webhook URL) for an event another instance received.
public sealed class WebhookRelayTests
{
    private const string Completed = """{"event":"completed","jobId":"job-1","status":"COMPLETED","result":{"images":["https://cdn.test/0.png"]}}""";

    private static ApiframeWebhookEvent Event(string json) => ApiframeWebhookEvent.Parse(Encoding.UTF8.GetBytes(json));

    private static Harness With(ApiframeWebhookInbox inbox) =>
        new(x => new FakeJobServer(x.Clock, TimeSpan.FromSeconds(10)).Handler(), o =>
        {
            o.WebhookUrl = new Uri("https://app.test/hooks/apiframe");
            o.WebhookInbox = inbox;
        });

    [Fact]
    public async Task An_event_the_relay_kept_ends_the_wait_with_no_poll()
    {
        var relay = new FakeRelay((_, _) => Task.FromResult<ApiframeWebhookEvent?>(Event(Completed)));
        var inbox = new ApiframeWebhookInbox { Relay = relay };
        inbox.MarkReceiving();
        using var h = With(inbox);

        var job = await h.Run(h.Client.WaitForCompletionAsync("job-1", expectedDuration: TimeSpan.FromSeconds(10)));

        Assert.Equal(ApiframeJobStatus.Completed, job.Status);
        Assert.Equal(new[] { "https://cdn.test/0.png" }, job.Images);
        Assert.Equal(0, h.Handler.Requests.Count(r => r.Method == HttpMethod.Get));
        Assert.Equal(new[] { "job-1" }, relay.Asked);
    }

    [Fact]
    public async Task An_event_relayed_while_the_relay_is_being_asked_still_reaches_the_wait()
    {
        var inbox = new ApiframeWebhookInbox();
        inbox.Relay = new FakeRelay((_, _) =>
        {
            // The lookup finds nothing, but the event arrives through the channel meanwhile.
            inbox.Publish(Event(Completed), "delivery-1");
            return Task.FromResult<ApiframeWebhookEvent?>(null);
        });
        inbox.MarkReceiving();
        using var h = With(inbox);

        var job = await h.Run(h.Client.WaitForCompletionAsync("job-1", expectedDuration: TimeSpan.FromSeconds(10)));

        Assert.Equal(ApiframeJobStatus.Completed, job.Status);
        Assert.Equal(0, h.Handler.Requests.Count(r => r.Method == HttpMethod.Get));
    }

    [Fact]
    public async Task With_nothing_from_the_relay_the_wait_polls_after_the_usual_window()
    {
        var inbox = new ApiframeWebhookInbox { Relay = new FakeRelay((_, _) => Task.FromResult<ApiframeWebhookEvent?>(null)) };
        inbox.MarkReceiving();
        using var h = With(inbox);

        var job = await h.Run(h.Client.WaitForCompletionAsync("job-1", expectedDuration: TimeSpan.FromSeconds(10)));

        Assert.Equal(ApiframeJobStatus.Completed, job.Status);
        var get = Assert.Single(h.Handler.Requests, r => r.Method == HttpMethod.Get);
        Assert.Equal(TimeSpan.FromSeconds(10 * 3), get.At - h.Clock.Start);
    }

    private sealed class FakeRelay(Func<string, CancellationToken, Task<ApiframeWebhookEvent?>> find) : ApiframeWebhookRelay
    {
        public System.Collections.Concurrent.ConcurrentQueue<string> Asked { get; } = new();

        public override ValueTask<ApiframeWebhookClaim> ClaimAndShareAsync(ApiframeWebhookEvent webhookEvent, string deliveryId, ReadOnlyMemory<byte> body, string signature) =>
            new(ApiframeWebhookClaim.Unavailable);

        public override ValueTask CompleteAsync(string deliveryId) => default;

        public override ValueTask ReleaseAsync(string deliveryId) => default;

        public override Task<ApiframeWebhookEvent?> FindFinalEventAsync(string jobId, CancellationToken cancellationToken)
        {
            Asked.Enqueue(jobId);
            return find(jobId, cancellationToken);
        }
    }
}
