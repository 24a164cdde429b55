using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using Apiframe;
using FluxGen.Support.Tests.Infrastructure;
using Xunit;

namespace FluxGen.Support.Tests.Client;

public sealed class ListJobsTests
{
    private static async Task<List<ApiframeJob>> Collect(IAsyncEnumerable<ApiframeJob> jobs)
    {
        var list = new List<ApiframeJob>();
        await foreach (var job in jobs)
        {
            list.Add(job);
        }

        return list;
    }

    [Fact]
    public async Task Pages_are_followed_through_nextCursor_while_hasMore()
    {
        using var h = new Harness(x => FakeHttpHandler.Sequence(
            x.Clock,
            () => FakeHttpHandler.Json(HttpStatusCode.OK, """{"jobs":[{"id":"a","status":"COMPLETED"},{"id":"b","status":"FAILED"}],"nextCursor":"c1","hasMore":true}"""),
            () => FakeHttpHandler.Json(HttpStatusCode.OK, """{"jobs":[{"id":"c","status":"COMPLETED"}],"nextCursor":"c2","hasMore":true}"""),
            () => FakeHttpHandler.Json(HttpStatusCode.OK, """{"jobs":[{"id":"d","status":"QUEUED"}],"nextCursor":null,"hasMore":false}""")));

        var jobs = await h.Run(Collect(h.Client.ListJobsAsync(new ApiframeJobQuery { Status = ApiframeJobStatus.Completed, Model = "flux-1.1-pro", Limit = 2 })));

        Assert.Equal(new[] { "a", "b", "c", "d" }, jobs.Select(j => j.Id));
        var uris = h.Handler.Requests.Select(r => r.Uri.PathAndQuery).ToArray();
        Assert.Equal(
            new[]
            {
                "/v2/jobs?status=COMPLETED&model=flux-1.1-pro&limit=2",
                "/v2/jobs?status=COMPLETED&model=flux-1.1-pro&limit=2&cursor=c1",
                "/v2/jobs?status=COMPLETED&model=flux-1.1-pro&limit=2&cursor=c2",
            },
            uris);
        Assert.All(h.Handler.Requests, r => Assert.Equal(Harness.ApiKey, r.Header("X-API-Key")));
    }

    [Fact]
    public async Task The_next_page_is_only_fetched_when_needed()
    {
        using var h = new Harness(x => FakeHttpHandler.Sequence(
            x.Clock,
            () => FakeHttpHandler.Json(HttpStatusCode.OK, """{"jobs":[{"id":"a","status":"COMPLETED"}],"nextCursor":"c1","hasMore":true}""")));

        var first = await h.Run(FirstAsync(h.Client.ListJobsAsync()));

        Assert.Equal("a", first.Id);
        Assert.Equal("/v2/jobs", Assert.Single(h.Handler.Requests).Uri.PathAndQuery);
    }

    [Fact]
    public async Task A_cursor_that_comes_back_twice_stops_the_listing()
    {
        using var h = new Harness(x => new FakeHttpHandler(x.Clock, (_, _) =>
            Task.FromResult(FakeHttpHandler.Json(HttpStatusCode.OK, """{"jobs":[],"nextCursor":"same","hasMore":true}"""))));

        await Assert.ThrowsAsync<ApiframeException>(() => h.Run(Collect(h.Client.ListJobsAsync())));

        Assert.Equal(2, h.Handler.Requests.Count);
    }

    [Fact]
    public async Task Cursor_values_are_escaped()
    {
        using var h = new Harness(x => FakeHttpHandler.Sequence(
            x.Clock,
            () => FakeHttpHandler.Json(HttpStatusCode.OK, """{"jobs":[],"nextCursor":null,"hasMore":false}""")));

        await h.Run(Collect(h.Client.ListJobsAsync(new ApiframeJobQuery { Cursor = "a+b/c=&d" })));

        Assert.Equal("/v2/jobs?cursor=a%2Bb%2Fc%3D%26d", Assert.Single(h.Handler.Requests).Uri.PathAndQuery);
    }

    private static async Task<ApiframeJob> FirstAsync(IAsyncEnumerable<ApiframeJob> jobs)
    {
        await foreach (var job in jobs)
        {
            return job;
        }

        throw new InvalidOperationException("No jobs.");
    }
}
