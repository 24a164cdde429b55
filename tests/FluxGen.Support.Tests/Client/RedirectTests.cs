using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Apiframe;
using FluxGen.Support.Tests.Infrastructure;
using Xunit;

namespace FluxGen.Support.Tests.Client;

// The client's own redirect handling, against an in-memory server (the loopback tests with two real origins are
// in FluxGen.IntegrationTests/Client/RedirectOriginTests).
public sealed class RedirectTests
{
    private const string JobJson = """{"id":"j1","status":"COMPLETED","result":"https://cdn.test/a.png"}""";

    private static HttpResponseMessage Redirect(HttpStatusCode status, string location)
    {
        var response = new HttpResponseMessage(status);
        response.Headers.Location = new Uri(location, UriKind.RelativeOrAbsolute);
        return response;
    }

    [Fact]
    public async Task Https_to_http_is_never_followed()
    {
        using var h = new Harness(x => FakeHttpHandler.Sequence(
            x.Clock,
            () => Redirect(HttpStatusCode.Found, "http://api.test/v2/jobs/j1"),
            () => FakeHttpHandler.Json(HttpStatusCode.OK, JobJson)));

        var error = await Assert.ThrowsAsync<ApiframeException>(() => h.Run(h.Client.GetJobAsync("j1")));

        Assert.Single(h.Handler.Requests);
        Assert.Contains("https to http", error.Message);
    }

    [Fact]
    public async Task A_same_origin_redirect_keeps_the_key_and_another_origin_never_gets_it()
    {
        using var h = new Harness(x => FakeHttpHandler.Sequence(
            x.Clock,
            () => Redirect(HttpStatusCode.TemporaryRedirect, "/v2/jobs/j1-moved"),
            () => Redirect(HttpStatusCode.Found, "https://api.test:8443/v2/jobs/j1"),
            () => Redirect(HttpStatusCode.Found, "https://other.test/v2/jobs/j1"),
            () => FakeHttpHandler.Json(HttpStatusCode.OK, JobJson)));

        var job = await h.Run(h.Client.GetJobAsync("j1"));

        Assert.Equal("j1", job.Id);
        var r = h.Handler.Requests;
        Assert.Equal(4, r.Count);
        Assert.Equal(Harness.ApiKey, r[0].Header("X-API-Key"));
        Assert.Equal("https://api.test/v2/jobs/j1-moved", r[1].Uri.ToString());
        Assert.Equal(Harness.ApiKey, r[1].Header("X-API-Key"));
        Assert.Null(r[2].Header("X-API-Key")); // another port is another origin
        Assert.Null(r[3].Header("X-API-Key"));
        Assert.Equal("other.test", r[3].Uri.Host);
    }

    [Fact]
    public async Task Redirects_are_bounded()
    {
        using var h = new Harness(x => new FakeHttpHandler(x.Clock, (req, _) => Task.FromResult(Redirect(HttpStatusCode.Found, "/again"))));

        var error = await Assert.ThrowsAsync<ApiframeException>(() => h.Run(h.Client.GetJobAsync("j1")));

        Assert.Equal(6, h.Handler.Requests.Count); // the call and five redirects, no retry
        Assert.Contains("redirected more than 5 times", error.Message);
    }

    [Fact]
    public async Task A_307_repeats_the_post_with_its_body_and_a_303_turns_it_into_a_get()
    {
        using var h = new Harness(x => FakeHttpHandler.Sequence(
            x.Clock,
            () => Redirect(HttpStatusCode.TemporaryRedirect, "/v2/images/generate-2"),
            () => Redirect(HttpStatusCode.SeeOther, "/v2/jobs/j1"),
            () => FakeHttpHandler.Json(HttpStatusCode.Accepted, """{"jobId":"j1","status":"QUEUED"}""")));

        await h.Run(h.Client.SubmitAsync(new TestRequest("p")));

        var r = h.Handler.Requests;
        Assert.Equal(HttpMethod.Post, r[1].Method);
        Assert.Equal(r[0].BodyText, r[1].BodyText);
        Assert.Equal(r[0].Header("Idempotency-Key"), r[1].Header("Idempotency-Key"));
        Assert.Equal(HttpMethod.Get, r[2].Method);
        Assert.Empty(r[2].Body);
        Assert.All(r, x => Assert.Equal(Harness.ApiKey, x.Header("X-API-Key")));
    }

    [Fact]
    public async Task A_response_that_an_auto_redirecting_HttpClient_fetched_from_another_origin_is_refused()
    {
        // What HttpClient's own redirect handling looks like from outside: the response's request is elsewhere.
        using var h = new Harness(x => new FakeHttpHandler(x.Clock, (req, _) =>
        {
            var response = FakeHttpHandler.Json(HttpStatusCode.OK, JobJson);
            response.RequestMessage = new HttpRequestMessage(HttpMethod.Get, "https://elsewhere.test/v2/jobs/j1");
            return Task.FromResult(response);
        }));

        var error = await Assert.ThrowsAsync<ApiframeException>(() => h.Run(h.Client.GetJobAsync("j1")));

        Assert.Contains("AllowAutoRedirect = false", error.Message);
        Assert.Contains("https://elsewhere.test", error.Message);
        Assert.DoesNotContain(Harness.ApiKey, error.Message);
        Assert.Single(h.Handler.Requests);
    }
}
