using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using Apiframe;
using Apiframe.Webhooks;
using FluxGen.Support.Tests.Infrastructure;
using Xunit;

namespace FluxGen.Support.Tests.Webhooks;

// Waits that finish from a webhook event handed to the inbox: GETs counted, time simulated.
public sealed class WebhookWaitTests
{
    private static ApiframeWebhookEvent Event(string json) => ApiframeWebhookEvent.Parse(Encoding.UTF8.GetBytes(json));

    private static Harness WithInbox(ApiframeWebhookInbox inbox, Func<Harness, FakeHttpHandler> server) =>
        new(server, o =>
        {
            o.WebhookUrl = new Uri("https://app.test/hooks/apiframe");
            o.WebhookInbox = inbox;
        });

    // The event can come before the submission's reply reaches the client: here it is published while the POST is
    // being answered, before any wait exists.
    private static Func<Harness, FakeHttpHandler> AnswersAndPublishes(ApiframeWebhookInbox inbox, string eventJson) =>
        x => new FakeHttpHandler(x.Clock, (request, _) =>
        {
            if (request.Method == HttpMethod.Post)
            {
                inbox.Publish(Event(eventJson), "delivery-1");
                return Task.FromResult(FakeHttpHandler.Json(HttpStatusCode.Accepted, """{"jobId":"job-1","status":"QUEUED"}"""));
            }

            return Task.FromResult(FakeHttpHandler.Json(HttpStatusCode.OK, """{"id":"job-1","status":"PROCESSING"}"""));
        });

    [Fact]
    public async Task A_completed_event_ends_the_wait_with_no_poll()
    {
        var inbox = new ApiframeWebhookInbox();
        inbox.MarkReceiving();
        using var h = WithInbox(inbox, AnswersAndPublishes(inbox, """{"event":"completed","jobId":"job-1","status":"COMPLETED","result":{"images":["https://cdn.test/0.png"]},"creditCost":5}"""));

        var job = await h.Run(h.Client.GenerateAsync(new TestRequest("p")));

        Assert.Equal(ApiframeJobStatus.Completed, job.Status);
        Assert.Equal(new[] { "https://cdn.test/0.png" }, job.Images);
        Assert.Equal(5, job.CreditCost);
        Assert.Equal(0, h.Handler.Requests.Count(r => r.Method == HttpMethod.Get));
    }

    [Fact]
    public async Task A_failed_event_fails_the_wait_with_no_poll()
    {
        var inbox = new ApiframeWebhookInbox();
        inbox.MarkReceiving();
        using var h = WithInbox(inbox, AnswersAndPublishes(inbox, """{"event":"failed","jobId":"job-1","status":"FAILED","error":"moderation"}"""));

        var error = await Assert.ThrowsAsync<ApiframeException>(() => h.Run(h.Client.GenerateAsync(new TestRequest("p"))));

        Assert.Equal("moderation", error.Error);
        Assert.Equal(0, h.Handler.Requests.Count(r => r.Method == HttpMethod.Get));
    }

    [Fact]
    public async Task Without_an_event_the_wait_falls_back_to_polling_after_the_average_times_the_factor()
    {
        var inbox = new ApiframeWebhookInbox();
        inbox.MarkReceiving();
        using var h = WithInbox(inbox, x => new FakeJobServer(x.Clock, TimeSpan.FromSeconds(10)).Handler());

        var job = await h.Run(h.Client.GenerateAsync(new TestRequest("p")));

        Assert.Equal(ApiframeJobStatus.Completed, job.Status);
        var get = Assert.Single(h.Handler.Requests, r => r.Method == HttpMethod.Get);
        Assert.Equal(TimeSpan.FromSeconds(10 * 3), get.At - h.Clock.Start);
    }

    [Fact]
    public async Task An_inbox_nobody_feeds_is_not_waited_on()
    {
        using var h = WithInbox(new ApiframeWebhookInbox(), x => new FakeJobServer(x.Clock, TimeSpan.FromSeconds(10)).Handler());

        await h.Run(h.Client.GenerateAsync(new TestRequest("p")));

        var get = Assert.Single(h.Handler.Requests, r => r.Method == HttpMethod.Get);
        Assert.Equal(TimeSpan.FromSeconds(10), get.At - h.Clock.Start);
    }

    [Fact]
    public void A_repeated_delivery_is_published_once()
    {
        var inbox = new ApiframeWebhookInbox();
        var e = Event("""{"event":"completed","jobId":"job-1","status":"COMPLETED"}""");

        Assert.True(inbox.Publish(e, "abc"));
        Assert.False(inbox.Publish(e, "abc"));
        Assert.True(inbox.Publish(e, "abd"));
    }
}
