using System.Text;
using Apiframe;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace FluxGen.IntegrationTests.Redirects;

/// <summary>
/// Two real origins on loopback: the base address A answers every call with a redirect to B. Whatever the set-up,
/// B never sees X-API-Key through the client: the client either follows the redirect itself without the key, or
/// (an HttpClient that redirects by itself) refuses the answer and says how to fix the set-up.
/// </summary>
public sealed class RedirectOriginTests
{
    private const string Key = "afk_redirect_secret_key";

    public static TheoryData<string> Calls => new() { "submit", "get job", "list", "download", "wait" };

    [Theory]
    [MemberData(nameof(Calls))]
    public async Task The_key_never_reaches_another_origin_with_the_owned_handler(string call)
    {
        await using var b = await ScriptedOrigin.StartAsync(AnswerLikeTheApi);
        await using var a = await ScriptedOrigin.StartAsync(RedirectTo(b.BaseAddress));
        using var client = new ApiframeClient(new ApiframeClientOptions { ApiKey = Key, BaseAddress = a.BaseAddress });

        await Run(client, call);

        Assert.All(a.Received, r => Assert.Equal(Key, r.ApiKey));
        Assert.NotEmpty(b.Received);
        Assert.All(b.Received, r => Assert.Null(r.ApiKey));
    }

    [Theory]
    [MemberData(nameof(Calls))]
    public async Task The_key_never_reaches_another_origin_with_a_non_redirecting_HttpClient(string call)
    {
        await using var b = await ScriptedOrigin.StartAsync(AnswerLikeTheApi);
        await using var a = await ScriptedOrigin.StartAsync(RedirectTo(b.BaseAddress));
        using var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false });
        var client = new ApiframeClient(http, new ApiframeClientOptions { ApiKey = Key, BaseAddress = a.BaseAddress });

        await Run(client, call);

        Assert.NotEmpty(b.Received);
        Assert.All(b.Received, r => Assert.Null(r.ApiKey));
    }

    [Theory]
    [MemberData(nameof(Calls))]
    public async Task The_key_never_reaches_another_origin_with_the_client_from_AddApiframeClient(string call)
    {
        await using var b = await ScriptedOrigin.StartAsync(AnswerLikeTheApi);
        await using var a = await ScriptedOrigin.StartAsync(RedirectTo(b.BaseAddress));
        var services = new ServiceCollection();
        services.AddApiframeClient(o =>
        {
            o.ApiKey = Key;
            o.BaseAddress = a.BaseAddress;
        });
        await using var provider = services.BuildServiceProvider();

        await Run(provider.GetRequiredService<ApiframeClient>(), call);

        Assert.All(a.Received, r => Assert.Equal(Key, r.ApiKey));
        Assert.NotEmpty(b.Received);
        Assert.All(b.Received, r => Assert.Null(r.ApiKey));
    }

    [Theory]
    [MemberData(nameof(Calls))]
    public async Task An_HttpClient_that_redirects_by_itself_to_another_origin_makes_the_call_fail_with_the_fix(string call)
    {
        await using var b = await ScriptedOrigin.StartAsync(AnswerLikeTheApi);
        await using var a = await ScriptedOrigin.StartAsync(RedirectTo(b.BaseAddress));
        using var http = new HttpClient();
        var client = new ApiframeClient(http, new ApiframeClientOptions { ApiKey = Key, BaseAddress = a.BaseAddress, MaxRetries = 0 });

        var error = await Assert.ThrowsAsync<ApiframeException>(() => Run(client, call));

        Assert.Contains("AllowAutoRedirect = false", error.Message);
        Assert.Contains(b.BaseAddress.GetLeftPart(UriPartial.Authority), error.Message);
        Assert.DoesNotContain(Key, error.Message);
        Assert.Single(b.Received); // one hop and the client stopped: nothing retried, nothing read
    }

    [Fact]
    public async Task A_redirect_within_the_origin_keeps_the_key()
    {
        await using var a = await ScriptedOrigin.StartAsync(context =>
            context.Request.Path.StartsWithSegments("/moved") ? AnswerLikeTheApi(context) : Redirect(context, "/moved" + context.Request.Path));
        using var client = new ApiframeClient(new ApiframeClientOptions { ApiKey = Key, BaseAddress = a.BaseAddress });

        var job = await client.GetJobAsync("j1");

        Assert.Equal("j1", job.Id);
        Assert.Equal(["/v2/jobs/j1", "/moved/v2/jobs/j1"], a.Received.Select(r => r.PathAndQuery));
        Assert.All(a.Received, r => Assert.Equal(Key, r.ApiKey));
    }

    private static async Task Run(ApiframeClient client, string call)
    {
        switch (call)
        {
            case "submit":
                await client.SubmitAsync(new Flux11ProRequest("redirected"));
                break;
            case "get job":
                await client.GetJobAsync("j1");
                break;
            case "list":
                await foreach (var _ in client.ListJobsAsync())
                {
                }

                break;
            case "download":
                await using (var stream = await client.DownloadAsync("/files/a.png"))
                {
                    await stream.CopyToAsync(Stream.Null);
                }

                break;
            case "wait":
                await client.WaitForCompletionAsync("j1", expectedDuration: TimeSpan.FromMilliseconds(1));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(call));
        }
    }

    // 307 keeps the method and body, so a submit arrives at B as the same POST.
    private static Func<HttpContext, Task> RedirectTo(Uri other) =>
        context => Redirect(context, new Uri(other, context.Request.Path.Value!.TrimStart('/') + context.Request.QueryString).ToString());

    private static Task Redirect(HttpContext context, string location)
    {
        context.Response.StatusCode = StatusCodes.Status307TemporaryRedirect;
        context.Response.Headers.Location = location;
        return Task.CompletedTask;
    }

    private static Task AnswerLikeTheApi(HttpContext context)
    {
        var path = context.Request.Path.Value ?? string.Empty;
        (int status, string type, string body) reply =
            context.Request.Method == "POST" ? (202, "application/json", """{"jobId":"j1","status":"QUEUED"}""")
            : path.EndsWith("/v2/jobs/j1", StringComparison.Ordinal) ? (200, "application/json", """{"id":"j1","status":"COMPLETED","result":"/files/a.png"}""")
            : path.EndsWith("/v2/jobs", StringComparison.Ordinal) ? (200, "application/json", """{"jobs":[{"id":"j1","status":"COMPLETED"}],"hasMore":false}""")
            : (200, "image/png", "png-bytes");
        context.Response.StatusCode = reply.status;
        context.Response.ContentType = reply.type;
        return context.Response.WriteAsync(reply.body, Encoding.UTF8);
    }
}
