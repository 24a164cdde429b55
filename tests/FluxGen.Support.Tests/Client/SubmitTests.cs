using System;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using Apiframe;
using Apiframe.Validation;
using FluxGen.Support.Tests.Infrastructure;
using Xunit;

namespace FluxGen.Support.Tests.Client;

public sealed class SubmitTests
{
    private const string Accepted = """{"jobId":"11111111-2222-3333-4444-555555555555","status":"QUEUED"}""";

    [Fact]
    public async Task Submit_posts_the_request_body_to_the_model_endpoint_with_key_and_idempotency_key()
    {
        using var h = new Harness(x => FakeHttpHandler.Sequence(x.Clock, () => FakeHttpHandler.Json(HttpStatusCode.Accepted, Accepted)));

        var submission = await h.Run(h.Client.SubmitAsync(new TestRequest("a red umbrella") { OutputQuality = 90 }));

        Assert.Equal("11111111-2222-3333-4444-555555555555", submission.JobId);
        Assert.Equal(ApiframeJobStatus.Queued, submission.Status);
        var request = Assert.Single(h.Handler.Requests);
        Assert.Equal("POST", request.Method.Method);
        Assert.Equal("https://api.test/v2/images/generate", request.Uri.ToString());
        Assert.Equal(Harness.ApiKey, request.Header("X-API-Key"));
        Assert.StartsWith("application/json", request.Header("Content-Type"));
        Assert.Equal("""{"prompt":"a red umbrella","model":"flux-1.1-pro","fluxParams":{"output_quality":90}}""", request.BodyText);
        Assert.True(Guid.TryParse(request.Header("Idempotency-Key"), out _));
        Assert.Equal(request.Header("Idempotency-Key"), submission.IdempotencyKey);
    }

    [Fact]
    public async Task Each_submission_gets_its_own_generated_idempotency_key_and_a_given_key_is_sent_as_is()
    {
        using var h = new Harness(x => new FakeHttpHandler(x.Clock, (_, _) => Task.FromResult(FakeHttpHandler.Json(HttpStatusCode.Accepted, Accepted))));

        await h.Run(h.Client.SubmitAsync(new TestRequest("one")));
        await h.Run(h.Client.SubmitAsync(new TestRequest("two")));
        await h.Run(h.Client.SubmitAsync(new TestRequest("three"), "order-42"));

        var keys = h.Handler.Requests.Select(r => r.Header("Idempotency-Key")).ToArray();
        Assert.NotEqual(keys[0], keys[1]);
        Assert.Equal("order-42", keys[2]);
    }

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("line\nbreak")]
    [InlineData("ключ")]
    public async Task A_bad_idempotency_key_is_refused_before_sending(string key)
    {
        using var h = new Harness(x => FakeHttpHandler.Sequence(x.Clock));

        await Assert.ThrowsAsync<ArgumentException>(() => h.Client.SubmitAsync(new TestRequest("p"), key));
        await Assert.ThrowsAsync<ArgumentException>(() => h.Client.SubmitAsync(new TestRequest("p"), new string('k', 256)));
        Assert.Empty(h.Handler.Requests);
    }

    [Fact]
    public async Task Validation_happens_before_any_http_call()
    {
        using var h = new Harness(x => FakeHttpHandler.Sequence(x.Clock));
        var request = new TestRequest(string.Empty) { OutputQuality = 101 };

        var ex = await Assert.ThrowsAsync<ApiframeValidationException>(() => h.Client.SubmitAsync(request));

        Assert.Equal(1, request.ValidateCalls);
        Assert.Equal(new[] { "prompt", "fluxParams.output_quality" }, ex.Errors.Select(e => e.Path));
        Assert.Empty(h.Handler.Requests);
    }

    [Fact]
    public async Task Validation_can_be_turned_off_so_a_newer_server_can_judge()
    {
        using var h = new Harness(
            x => FakeHttpHandler.Sequence(x.Clock, () => FakeHttpHandler.Json(HttpStatusCode.Accepted, Accepted)),
            o => o.ValidateRequests = false);
        var request = new TestRequest("p") { OutputQuality = 101 };

        await h.Run(h.Client.SubmitAsync(request));

        Assert.Equal(0, request.ValidateCalls);
        Assert.Contains("\"output_quality\":101", Assert.Single(h.Handler.Requests).BodyText);
    }

    [Fact]
    public async Task Base_address_path_prefix_is_kept()
    {
        using var h = new Harness(
            x => FakeHttpHandler.Sequence(x.Clock, () => FakeHttpHandler.Json(HttpStatusCode.Accepted, Accepted)),
            o => o.BaseAddress = new Uri("https://proxy.test/apiframe"));

        await h.Run(h.Client.SubmitAsync(new TestRequest("p")));

        Assert.Equal("https://proxy.test/apiframe/v2/images/generate", Assert.Single(h.Handler.Requests).Uri.ToString());
    }

    [Fact]
    public async Task Job_ids_are_escaped_into_the_path()
    {
        using var h = new Harness(x => FakeHttpHandler.Sequence(x.Clock, () => FakeHttpHandler.Json(HttpStatusCode.OK, """{"id":"x","status":"QUEUED"}""")));

        await h.Run(h.Client.GetJobAsync("../me?x=1"));

        var request = Assert.Single(h.Handler.Requests);
        Assert.Equal("GET", request.Method.Method);
        Assert.Equal("/v2/jobs/..%2Fme%3Fx%3D1", request.Uri.PathAndQuery);
        Assert.Equal(Harness.ApiKey, request.Header("X-API-Key"));
    }

    [Fact]
    public async Task A_2xx_body_without_a_job_id_is_an_ApiframeException_with_the_body()
    {
        using var h = new Harness(x => FakeHttpHandler.Sequence(x.Clock, () => FakeHttpHandler.Json(HttpStatusCode.Accepted, """{"ok":true}""")));

        var ex = await Assert.ThrowsAsync<ApiframeException>(() => h.Run(h.Client.SubmitAsync(new TestRequest("p"))));

        Assert.Equal(202, ex.StatusCode);
        Assert.Equal("""{"ok":true}""", ex.ResponseBody);
    }
}
