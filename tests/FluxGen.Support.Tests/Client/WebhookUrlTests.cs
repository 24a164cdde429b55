using System;
using System.Net;
using System.Text.Json;
using System.Threading.Tasks;
using Apiframe;
using FluxGen.Support.Tests.Infrastructure;
using Xunit;

namespace FluxGen.Support.Tests.Client;

public sealed class WebhookUrlTests
{
    private static Func<System.Net.Http.HttpResponseMessage> Accepted() =>
        () => FakeHttpHandler.Json(HttpStatusCode.Accepted, """{"jobId":"j1","status":"QUEUED"}""");

    [Fact]
    public async Task WebhookUrl_asks_for_completed_and_failed_events()
    {
        using var h = new Harness(x => FakeHttpHandler.Sequence(x.Clock, Accepted()), o => o.WebhookUrl = new Uri("https://app.test/hooks/apiframe"));

        await h.Run(h.Client.SubmitAsync(new TestRequest("p")));

        using var body = JsonDocument.Parse(Assert.Single(h.Handler.Requests).Body);
        Assert.Equal("p", body.RootElement.GetProperty("prompt").GetString());
        Assert.Equal("https://app.test/hooks/apiframe", body.RootElement.GetProperty("webhookUrl").GetString());
        Assert.Equal("""["completed","failed"]""", body.RootElement.GetProperty("webhookEvents").GetRawText());
    }

    [Fact]
    public async Task A_request_with_its_own_webhookUrl_is_left_alone()
    {
        using var h = new Harness(x => FakeHttpHandler.Sequence(x.Clock, Accepted()), o => o.WebhookUrl = new Uri("https://app.test/hooks/apiframe"));

        await h.Run(h.Client.SubmitAsync(new HookedRequest()));

        Assert.Equal("""{"prompt":"p","model":"flux-1.1-pro","webhookUrl":"https://mine.test/h","webhookEvents":["progress"]}""", Assert.Single(h.Handler.Requests).BodyText);
    }

    [Fact]
    public async Task Without_WebhookUrl_the_body_is_the_request_as_written()
    {
        using var h = new Harness(x => FakeHttpHandler.Sequence(x.Clock, Accepted()));

        await h.Run(h.Client.SubmitAsync(new TestRequest("p")));

        Assert.DoesNotContain("webhook", Assert.Single(h.Handler.Requests).BodyText);
    }

    private sealed class HookedRequest : IApiframeRequest
    {
        public ApiframeModelInfo ModelInfo => TestRequest.Info;

        public void Validate()
        {
        }

        public void WriteTo(Utf8JsonWriter writer)
        {
            writer.WriteStartObject();
            writer.WriteString("prompt", "p");
            writer.WriteString("model", "flux-1.1-pro");
            writer.WriteString("webhookUrl", "https://mine.test/h");
            writer.WriteStartArray("webhookEvents");
            writer.WriteStringValue("progress");
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
    }
}
