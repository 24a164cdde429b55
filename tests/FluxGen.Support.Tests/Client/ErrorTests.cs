using System;
using System.Net;
using System.Threading.Tasks;
using Apiframe;
using FluxGen.Support.Tests.Infrastructure;
using Xunit;

namespace FluxGen.Support.Tests.Client;

public sealed class ErrorTests
{
    private static Harness Answering(HttpStatusCode status, string body, string? requestId = null) =>
        new(x => FakeHttpHandler.Sequence(x.Clock, () => FakeHttpHandler.Json(status, body, r =>
        {
            if (requestId is not null)
            {
                r.Headers.Add("x-request-id", requestId);
            }
        })));

    [Fact]
    public async Task A_400_carries_error_text_and_per_field_details()
    {
        using var h = Answering(HttpStatusCode.BadRequest, """
            {"error":"Validation failed","details":{"fluxParams.output_quality":["Number must be less than or equal to 100"],"prompt":["Required","Too short"]}}
            """, "req-77");

        var ex = await Assert.ThrowsAsync<ApiframeException>(() => h.Run(h.Client.SubmitAsync(new TestRequest("p"))));

        Assert.Equal(400, ex.StatusCode);
        Assert.Equal("Validation failed", ex.Error);
        Assert.Equal("req-77", ex.RequestId);
        Assert.Equal(new[] { "Number must be less than or equal to 100" }, ex.Details["fluxParams.output_quality"]);
        Assert.Equal(new[] { "Required", "Too short" }, ex.Details["prompt"]);
        Assert.Contains("fluxParams.output_quality", ex.Message);
        Assert.Contains("req-77", ex.Message);
    }

    [Fact]
    public async Task A_402_carries_the_credit_figures()
    {
        using var h = Answering(HttpStatusCode.PaymentRequired, """{"error":"Insufficient credits","creditsRequired":12,"creditsAvailable":3}""");

        var ex = await Assert.ThrowsAsync<ApiframeException>(() => h.Run(h.Client.SubmitAsync(new TestRequest("p"))));

        Assert.Equal(402, ex.StatusCode);
        Assert.Equal("Insufficient credits", ex.Error);
        Assert.Equal(12, ex.CreditsRequired);
        Assert.Equal(3, ex.CreditsAvailable);
        Assert.Contains("12 credits required, 3 available", ex.Message);
    }

    [Fact]
    public async Task A_404_for_an_unknown_job()
    {
        using var h = Answering(HttpStatusCode.NotFound, """{"error":"Job not found"}""");

        var ex = await Assert.ThrowsAsync<ApiframeException>(() => h.Run(h.Client.GetJobAsync("nope")));

        Assert.Equal(404, ex.StatusCode);
        Assert.Equal("Job not found", ex.Error);
        Assert.Empty(ex.Details);
        Assert.Null(ex.Job);
    }

    [Fact]
    public async Task A_409_idempotency_conflict()
    {
        using var h = Answering(HttpStatusCode.Conflict, """{"error":"Idempotency key reused with a different body"}""");

        var ex = await Assert.ThrowsAsync<ApiframeException>(() => h.Run(h.Client.SubmitAsync(new TestRequest("p"), "k1")));

        Assert.Equal(409, ex.StatusCode);
        Assert.Contains("different body", ex.Error);
    }

    [Fact]
    public async Task A_non_json_error_body_still_gives_status_and_body()
    {
        using var h = new Harness(
            x => FakeHttpHandler.Sequence(x.Clock, () => FakeHttpHandler.Text(HttpStatusCode.BadGateway, "<html><body>Bad gateway</body></html>")),
            o => o.MaxRetries = 0);

        var ex = await Assert.ThrowsAsync<ApiframeException>(() => h.Run(h.Client.GetJobAsync("j1")));

        Assert.Equal(502, ex.StatusCode);
        Assert.Null(ex.Error);
        Assert.Equal("<html><body>Bad gateway</body></html>", ex.ResponseBody);
        Assert.Contains("Bad gateway", ex.Message);
    }

    [Fact]
    public async Task An_empty_error_body_still_gives_the_status()
    {
        using var h = new Harness(x => FakeHttpHandler.Sequence(x.Clock, () => new System.Net.Http.HttpResponseMessage(HttpStatusCode.Forbidden)));

        var ex = await Assert.ThrowsAsync<ApiframeException>(() => h.Run(h.Client.GetJobAsync("j1")));

        Assert.Equal(403, ex.StatusCode);
        Assert.Equal(string.Empty, ex.ResponseBody);
        Assert.Contains("403", ex.Message);
    }

    [Fact]
    public async Task The_api_key_never_appears_in_exception_text_even_when_the_server_echoes_it()
    {
        using var h = Answering(HttpStatusCode.Unauthorized, $$$"""{"error":"Invalid API key {{{Harness.ApiKey}}}","details":{"key":["{{{Harness.ApiKey}}} is revoked"]}}""");

        var ex = await Assert.ThrowsAsync<ApiframeException>(() => h.Run(h.Client.GetJobAsync("j1")));

        Assert.Equal(401, ex.StatusCode);
        Assert.DoesNotContain(Harness.ApiKey, ex.ToString());
        Assert.DoesNotContain(Harness.ApiKey, ex.Message);
        Assert.DoesNotContain(Harness.ApiKey, ex.ResponseBody);
        Assert.DoesNotContain(Harness.ApiKey, ex.Error);
        Assert.DoesNotContain(Harness.ApiKey, string.Join(" ", ex.Details["key"]));
        Assert.Contains("[redacted]", ex.Error);
    }

    [Fact]
    public void Options_and_client_ToString_never_show_the_key()
    {
        var options = new ApiframeClientOptions { ApiKey = Harness.ApiKey };
        using var http = new System.Net.Http.HttpClient();
        var client = new ApiframeClient(http, options);

        Assert.DoesNotContain(Harness.ApiKey, options.ToString());
        Assert.Contains("(redacted)", options.ToString());
        Assert.DoesNotContain(Harness.ApiKey, client.ToString());
    }

    [Fact]
    public async Task A_failed_connection_message_does_not_leak_the_key()
    {
        using var h = new Harness(
            x => new FakeHttpHandler(x.Clock, (_, _) => Task.FromException<System.Net.Http.HttpResponseMessage>(new System.Net.Http.HttpRequestException("proxy said " + Harness.ApiKey))),
            o => o.MaxRetries = 0);

        var ex = await Assert.ThrowsAsync<ApiframeException>(() => h.Run(h.Client.GetJobAsync("j1")));

        Assert.DoesNotContain(Harness.ApiKey, ex.Message);
    }
}
