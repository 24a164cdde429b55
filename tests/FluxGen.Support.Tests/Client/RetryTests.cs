using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;
using Apiframe;
using FluxGen.Support.Tests.Infrastructure;
using Xunit;

namespace FluxGen.Support.Tests.Client;

public sealed class RetryTests
{
    private const string Accepted = """{"jobId":"j1","status":"QUEUED"}""";

    private static Func<HttpResponseMessage> Status(HttpStatusCode code) => () => FakeHttpHandler.Json(code, """{"error":"busy"}""");

    private static Func<HttpResponseMessage> Ok() => () => FakeHttpHandler.Json(HttpStatusCode.Accepted, Accepted);

    [Fact]
    public async Task Retries_resend_the_same_bytes_under_the_same_idempotency_key()
    {
        using var h = new Harness(x => FakeHttpHandler.Sequence(x.Clock, Status(HttpStatusCode.ServiceUnavailable), Status(HttpStatusCode.BadGateway), Ok()));

        var submission = await h.Run(h.Client.SubmitAsync(new TestRequest("p") { OutputQuality = 5 }, "caller-key"));

        Assert.Equal("j1", submission.JobId);
        var requests = h.Handler.Requests;
        Assert.Equal(3, requests.Count);
        Assert.All(requests, r => Assert.Equal("caller-key", r.Header("Idempotency-Key")));
        Assert.All(requests, r => Assert.Equal(requests[0].Body, r.Body));
        Assert.All(requests, r => Assert.Equal(Harness.ApiKey, r.Header("X-API-Key")));
    }

    [Fact]
    public async Task Generated_idempotency_key_is_stable_across_retries()
    {
        using var h = new Harness(x => FakeHttpHandler.Sequence(x.Clock, Status(HttpStatusCode.InternalServerError), Ok()));

        await h.Run(h.Client.SubmitAsync(new TestRequest("p")));

        Assert.Single(h.Handler.Requests.Select(r => r.Header("Idempotency-Key")).Distinct());
        Assert.Equal(2, h.Handler.Requests.Count);
    }

    [Fact]
    public async Task A_429_waits_for_Retry_After_in_seconds()
    {
        using var h = new Harness(x => FakeHttpHandler.Sequence(
            x.Clock,
            () => FakeHttpHandler.Json((HttpStatusCode)429, """{"error":"slow down"}""", r => r.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(7))),
            Ok()));

        await h.Run(h.Client.SubmitAsync(new TestRequest("p")));

        var requests = h.Handler.Requests;
        Assert.Equal(2, requests.Count);
        Assert.Equal(TimeSpan.FromSeconds(7), requests[1].At - requests[0].At);
    }

    [Fact]
    public async Task A_429_waits_until_a_Retry_After_date()
    {
        using var h = new Harness(x => FakeHttpHandler.Sequence(
            x.Clock,
            () => FakeHttpHandler.Json((HttpStatusCode)429, "{}", r => r.Headers.RetryAfter = new RetryConditionHeaderValue(x.Clock.GetUtcNow().AddSeconds(12))),
            Ok()));

        await h.Run(h.Client.SubmitAsync(new TestRequest("p")));

        var requests = h.Handler.Requests;
        Assert.Equal(TimeSpan.FromSeconds(12), requests[1].At - requests[0].At);
    }

    [Fact]
    public async Task A_Retry_After_beyond_MaxRetryAfter_fails_at_once_carrying_the_wait()
    {
        using var h = new Harness(
            x => FakeHttpHandler.Sequence(
                x.Clock,
                () => FakeHttpHandler.Json((HttpStatusCode)429, "{}", r => r.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(999999999))),
                Ok()),
            o => o.MaxRetryAfter = TimeSpan.FromSeconds(30));

        var error = await Assert.ThrowsAsync<ApiframeException>(() => h.Run(h.Client.SubmitAsync(new TestRequest("p"))));

        Assert.Single(h.Handler.Requests);
        Assert.Equal(TimeSpan.FromSeconds(999999999), error.RetryAfter);
        Assert.Equal(429, error.StatusCode);
        Assert.Contains("MaxRetryAfter", error.Message);
        Assert.Equal(TimeSpan.Zero, h.Clock.Elapsed);
    }

    [Fact]
    public async Task A_429_without_Retry_After_falls_back_to_jittered_backoff()
    {
        using var h = new Harness(x => FakeHttpHandler.Sequence(x.Clock, Status((HttpStatusCode)429), Status((HttpStatusCode)429), Ok()));

        await h.Run(h.Client.SubmitAsync(new TestRequest("p")));

        var r = h.Handler.Requests;
        var first = r[1].At - r[0].At;
        var second = r[2].At - r[1].At;
        Assert.InRange(first, TimeSpan.FromMilliseconds(125), TimeSpan.FromMilliseconds(250));
        Assert.InRange(second, TimeSpan.FromMilliseconds(250), TimeSpan.FromMilliseconds(500));
    }

    [Fact]
    public async Task A_503_then_success_returns_the_success()
    {
        using var h = new Harness(x => new FakeHttpHandler(x.Clock, (req, _) => Task.FromResult(
            x.Handler.Requests.Count == 1
                ? FakeHttpHandler.Json(HttpStatusCode.ServiceUnavailable, """{"error":"down"}""")
                : FakeHttpHandler.Json(HttpStatusCode.OK, """{"id":"j1","status":"COMPLETED","result":"https://cdn.test/a.png"}"""))));

        var job = await h.Run(h.Client.GetJobAsync("j1"));

        Assert.Equal(ApiframeJobStatus.Completed, job.Status);
        Assert.Equal(2, h.Handler.Requests.Count);
    }

    [Fact]
    public async Task A_dropped_connection_is_retried()
    {
        var calls = 0;
        using var h = new Harness(x => new FakeHttpHandler(x.Clock, (_, _) => ++calls == 1
            ? Task.FromException<HttpResponseMessage>(new HttpRequestException("Connection reset by peer"))
            : Task.FromResult(FakeHttpHandler.Json(HttpStatusCode.Accepted, Accepted))));

        var submission = await h.Run(h.Client.SubmitAsync(new TestRequest("p")));

        Assert.Equal("j1", submission.JobId);
        Assert.Equal(2, h.Handler.Requests.Count);
        Assert.Equal(h.Handler.Requests[0].Header("Idempotency-Key"), h.Handler.Requests[1].Header("Idempotency-Key"));
    }

    [Fact]
    public async Task A_connection_that_keeps_dropping_ends_in_an_ApiframeException_after_the_bounded_attempts()
    {
        using var h = new Harness(x => new FakeHttpHandler(x.Clock, (_, _) =>
            Task.FromException<HttpResponseMessage>(new HttpRequestException("Connection refused"))));

        var ex = await Assert.ThrowsAsync<ApiframeException>(() => h.Run(h.Client.GetJobAsync("j1")));

        Assert.Null(ex.StatusCode);
        Assert.IsType<HttpRequestException>(ex.InnerException);
        Assert.Equal(3, h.Handler.Requests.Count);
    }

    [Fact]
    public async Task An_attempt_that_hangs_times_out_and_is_retried()
    {
        var calls = 0;
        using var h = new Harness(x => new FakeHttpHandler(x.Clock, (_, ct) =>
        {
            if (++calls > 1)
            {
                return Task.FromResult(FakeHttpHandler.Json(HttpStatusCode.OK, """{"id":"j1","status":"QUEUED"}"""));
            }

            return x.Handler.Hang(ct);
        }));

        var job = await h.Run(h.Client.GetJobAsync("j1"));

        Assert.Equal("j1", job.Id);
        Assert.Equal(2, h.Handler.Requests.Count);
        Assert.True(h.Handler.Requests[1].At - h.Handler.Requests[0].At >= h.Options.AttemptTimeout);
    }

    [Fact]
    public async Task Attempts_are_bounded_by_MaxRetries()
    {
        using var h = new Harness(
            x => new FakeHttpHandler(x.Clock, (_, _) => Task.FromResult(FakeHttpHandler.Json(HttpStatusCode.ServiceUnavailable, """{"error":"down"}"""))),
            o => o.MaxRetries = 4);

        var ex = await Assert.ThrowsAsync<ApiframeException>(() => h.Run(h.Client.SubmitAsync(new TestRequest("p"))));

        Assert.Equal(503, ex.StatusCode);
        Assert.Equal(5, h.Handler.Requests.Count);

        // Backoff doubles from 250 ms, capped at 8 s, with jitter between half and all of each step.
        var gaps = h.Handler.Requests.Zip(h.Handler.Requests.Skip(1), (a, b) => b.At - a.At).ToArray();
        for (var i = 0; i < gaps.Length; i++)
        {
            var step = Math.Min(250 * Math.Pow(2, i), 8000);
            Assert.InRange(gaps[i].TotalMilliseconds, step / 2, step);
        }
    }

    [Theory]
    [InlineData(503)]
    [InlineData(429)]
    public async Task MaxRetries_zero_turns_retries_off(int status)
    {
        using var h = new Harness(
            x => new FakeHttpHandler(x.Clock, (_, _) => Task.FromResult(FakeHttpHandler.Json((HttpStatusCode)status, """{"error":"no"}"""))),
            o => o.MaxRetries = 0);

        var ex = await Assert.ThrowsAsync<ApiframeException>(() => h.Run(h.Client.SubmitAsync(new TestRequest("p"))));

        Assert.Equal(status, ex.StatusCode);
        Assert.Single(h.Handler.Requests);
    }

    [Theory]
    [InlineData(400)]
    [InlineData(401)]
    [InlineData(402)]
    [InlineData(403)]
    [InlineData(404)]
    [InlineData(409)]
    [InlineData(501)]
    public async Task Other_error_statuses_are_never_retried(int status)
    {
        using var h = new Harness(x => new FakeHttpHandler(x.Clock, (_, _) => Task.FromResult(FakeHttpHandler.Json((HttpStatusCode)status, """{"error":"no"}"""))));

        var ex = await Assert.ThrowsAsync<ApiframeException>(() => h.Run(h.Client.SubmitAsync(new TestRequest("p"))));

        Assert.Equal(status, ex.StatusCode);
        Assert.Single(h.Handler.Requests);
    }

    [Fact]
    public void Only_429_is_retried_for_a_request_that_is_not_idempotent()
    {
        Assert.True(ApiframeRetryPolicy.IsRetriableStatus(429, idempotent: false));
        Assert.False(ApiframeRetryPolicy.IsRetriableStatus(503, idempotent: false));
        Assert.True(ApiframeRetryPolicy.IsRetriableStatus(503, idempotent: true));
        Assert.False(ApiframeRetryPolicy.IsRetriableStatus(501, idempotent: true));
    }

    [Fact]
    public async Task Caller_cancellation_during_a_retry_wait_is_not_retried_further()
    {
        using var cts = new CancellationTokenSource();
        using var h = new Harness(x => new FakeHttpHandler(x.Clock, (_, _) =>
        {
            cts.Cancel();
            return Task.FromResult(FakeHttpHandler.Json(HttpStatusCode.ServiceUnavailable, "{}"));
        }));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => h.Run(h.Client.GetJobAsync("j1", cts.Token)));

        Assert.Single(h.Handler.Requests);
    }
}
