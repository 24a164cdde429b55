using System;
using System.Text;
using Apiframe;
using Apiframe.Webhooks;
using Xunit;

namespace FluxGen.Support.Tests.Webhooks;

public sealed class WebhookEventTests
{
    private static ApiframeWebhookEvent Parse(string json) => ApiframeWebhookEvent.Parse(Encoding.UTF8.GetBytes(json));

    [Fact]
    public void A_completed_event_is_read_with_its_images()
    {
        var webhook = Parse("""
            {"event":"completed","jobId":"j1","status":"COMPLETED","progress":100,"result":{"images":["https://cdn.test/1.jpg"]},
             "model":"flux-1.1-pro","creditCost":4,"completedAt":"2026-01-01T12:00:10Z","somethingNew":true}
            """);

        Assert.Equal(ApiframeWebhookEventKind.Completed, webhook.Event);
        Assert.Equal("j1", webhook.JobId);
        Assert.Equal(ApiframeJobStatus.Completed, webhook.Status);
        Assert.Equal(100, webhook.Progress);
        Assert.Equal(new[] { "https://cdn.test/1.jpg" }, webhook.Images);
        Assert.Equal("flux-1.1-pro", webhook.Model);
        Assert.Equal(4, webhook.CreditCost);
        Assert.Equal(new DateTimeOffset(2026, 1, 1, 12, 0, 10, TimeSpan.Zero), webhook.CompletedAt);
    }

    [Fact]
    public void A_failed_event_carries_the_reason_and_a_string_result_is_accepted()
    {
        var failed = Parse("""{"event":"failed","jobId":"j2","status":"FAILED","error":"Content policy","creditCost":0}""");
        var completed = Parse("""{"event":"completed","jobId":"j3","status":"COMPLETED","result":"https://cdn.test/3.png"}""");

        Assert.Equal(ApiframeWebhookEventKind.Failed, failed.Event);
        Assert.Equal("Content policy", failed.Error);
        Assert.Equal(new[] { "https://cdn.test/3.png" }, completed.Images);
    }

    [Fact]
    public void An_unknown_event_kind_is_kept()
    {
        var webhook = Parse("""{"event":"upscaled","jobId":"j1"}""");

        Assert.Equal("upscaled", webhook.Event.Value);
        Assert.NotEqual(ApiframeWebhookEventKind.Completed, webhook.Event);
        Assert.NotEqual(ApiframeWebhookEventKind.Progress, webhook.Event);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("[1,2]")]
    [InlineData("{\"event\":")]
    public void A_body_that_is_not_a_json_object_is_a_FormatException(string body)
    {
        Assert.Throws<FormatException>(() => Parse(body));
    }
}
