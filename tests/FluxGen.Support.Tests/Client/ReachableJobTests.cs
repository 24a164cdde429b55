using System;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Apiframe;
using FluxGen.Support.Tests.Infrastructure;
using Xunit;

namespace FluxGen.Support.Tests.Client;

/// <summary>
/// A failed submission leaves the caller its idempotency key and says when the job may exist; whatever a handler
/// throws is an <see cref="ApiframeException"/>; a wait outlives polls that fail for a passing reason.
/// </summary>
public sealed class ReachableJobTests
{
    private const string Accepted = """{"jobId":"j1","status":"QUEUED"}""";

    [Fact]
    public async Task A_submit_that_lost_its_connection_says_the_job_may_exist_and_carries_its_key()
    {
        using var h = new Harness(x => new FakeHttpHandler(x.Clock, (_, _) => throw new HttpRequestException("connection reset")), o => o.MaxRetries = 1);

        var ex = await Assert.ThrowsAsync<ApiframeException>(() => h.Run(h.Client.SubmitAsync(new TestRequest("p"), "my-key")));

        Assert.Equal("my-key", ex.IdempotencyKey);
        Assert.Contains("may exist", ex.Message, StringComparison.Ordinal);
        Assert.Contains("\"my-key\"", ex.Message, StringComparison.Ordinal);
        Assert.IsType<HttpRequestException>(ex.InnerException);
        Assert.Equal(2, h.Handler.Requests.Count);
    }

    [Fact]
    public async Task A_refused_submit_carries_its_key_but_does_not_claim_a_job_may_exist()
    {
        using var h = new Harness(x => new FakeHttpHandler(x.Clock, (_, _) => Task.FromResult(FakeHttpHandler.Json(HttpStatusCode.PaymentRequired, """{"error":"Insufficient credits"}"""))));

        var ex = await Assert.ThrowsAsync<ApiframeException>(() => h.Run(h.Client.SubmitAsync(new TestRequest("p"))));

        Assert.Equal(402, ex.StatusCode);
        Assert.Equal(h.Handler.Requests[0].Header("Idempotency-Key"), ex.IdempotencyKey);
        Assert.DoesNotContain("may exist", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_429_after_an_attempt_that_got_no_answer_still_says_the_job_may_exist()
    {
        var attempt = 0;
        using var h = new Harness(
            x => new FakeHttpHandler(x.Clock, (_, _) => ++attempt == 1
                ? throw new HttpRequestException("dropped after the server read the request")
                : Task.FromResult(FakeHttpHandler.Json((HttpStatusCode)429, """{"error":"slow down"}"""))),
            o => o.MaxRetries = 1);

        var ex = await Assert.ThrowsAsync<ApiframeException>(() => h.Run(h.Client.SubmitAsync(new TestRequest("p"))));

        Assert.Equal(429, ex.StatusCode);
        Assert.Contains("may exist", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Whatever_a_handler_throws_reaches_the_caller_as_an_ApiframeException_with_the_original_inside()
    {
        using var h = new Harness(x => new FakeHttpHandler(x.Clock, (_, _) => throw new InvalidOperationException("a handler's own failure")));

        var ex = await Assert.ThrowsAsync<ApiframeException>(() => h.Run(h.Client.GetJobAsync("j1")));

        Assert.IsType<InvalidOperationException>(ex.InnerException);
        Assert.Null(ex.IdempotencyKey);

        // Not something the client knows to be passing, so it is tried once only.
        Assert.Single(h.Handler.Requests);
    }

    [Fact]
    public async Task A_wait_outlives_polls_that_fail_for_a_passing_reason_and_GenerateAsync_failures_carry_the_key()
    {
        var gets = 0;
        using var h = new Harness(x => new FakeHttpHandler(x.Clock, (request, _) =>
        {
            if (request.Method == HttpMethod.Post)
            {
                return Task.FromResult(FakeHttpHandler.Json(HttpStatusCode.Accepted, Accepted));
            }

            // The first poll fails all its attempts (503), the second finds the job failed for good.
            return Task.FromResult(++gets <= 3
                ? FakeHttpHandler.Json(HttpStatusCode.ServiceUnavailable, """{"error":"busy"}""")
                : FakeHttpHandler.Json(HttpStatusCode.OK, """{"id":"j1","status":"FAILED","error":"no image"}"""));
        }));

        var ex = await Assert.ThrowsAsync<ApiframeException>(() => h.Run(h.Client.GenerateAsync(new TestRequest("p"), "generate-key")));

        Assert.Equal("no image", ex.Error);
        Assert.Equal("generate-key", ex.IdempotencyKey);
        Assert.Equal(4, gets);
    }

    [Fact]
    public async Task A_poll_refused_for_good_still_ends_the_wait()
    {
        using var h = new Harness(x => new FakeHttpHandler(x.Clock, (_, _) => Task.FromResult(FakeHttpHandler.Json(HttpStatusCode.NotFound, """{"error":"Job not found"}"""))));

        var ex = await Assert.ThrowsAsync<ApiframeException>(() => h.Run(h.Client.WaitForCompletionAsync("gone")));

        Assert.Equal(404, ex.StatusCode);
        Assert.Single(h.Handler.Requests);
    }
}
