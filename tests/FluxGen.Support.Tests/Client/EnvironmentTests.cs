using System;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Apiframe;
using FluxGen.Support.Tests.Infrastructure;
using Xunit;

namespace FluxGen.Support.Tests.Client;

// These tests change process-wide environment variables, so they run alone.
[CollectionDefinition(nameof(EnvironmentCollection), DisableParallelization = true)]
public sealed class EnvironmentCollection
{
}

[Collection(nameof(EnvironmentCollection))]
public sealed class EnvironmentTests : IDisposable
{
    private readonly string? _savedKey = Environment.GetEnvironmentVariable(ApiframeClientOptions.ApiKeyEnvironmentVariable);
    private readonly string? _savedUrl = Environment.GetEnvironmentVariable(ApiframeClientOptions.BaseAddressEnvironmentVariable);

    public void Dispose()
    {
        Environment.SetEnvironmentVariable(ApiframeClientOptions.ApiKeyEnvironmentVariable, _savedKey);
        Environment.SetEnvironmentVariable(ApiframeClientOptions.BaseAddressEnvironmentVariable, _savedUrl);
    }

    [Fact]
    public async Task A_missing_key_fails_clearly_before_any_http_call()
    {
        Environment.SetEnvironmentVariable(ApiframeClientOptions.ApiKeyEnvironmentVariable, null);
        using var h = new Harness(x => FakeHttpHandler.Sequence(x.Clock), o => o.ApiKey = null);

        var submit = await Assert.ThrowsAsync<InvalidOperationException>(() => h.Client.SubmitAsync(new TestRequest("p")));
        await Assert.ThrowsAsync<InvalidOperationException>(() => h.Client.GetJobAsync("j1"));
        await Assert.ThrowsAsync<InvalidOperationException>(() => h.Client.WaitForCompletionAsync("j1"));

        Assert.Contains("APIFRAME_API_KEY", submit.Message);
        Assert.Empty(h.Handler.Requests);
    }

    [Fact]
    public async Task Key_and_base_address_come_from_the_environment_when_options_leave_them_unset()
    {
        Environment.SetEnvironmentVariable(ApiframeClientOptions.ApiKeyEnvironmentVariable, "afk_from_env");
        Environment.SetEnvironmentVariable(ApiframeClientOptions.BaseAddressEnvironmentVariable, "http://localhost:5080");
        using var h = new Harness(
            x => FakeHttpHandler.Sequence(x.Clock, () => FakeHttpHandler.Json(HttpStatusCode.OK, """{"id":"j1","status":"QUEUED"}""")),
            o =>
            {
                o.ApiKey = null;
                o.BaseAddress = null;
            });

        await h.Run(h.Client.GetJobAsync("j1"));

        var request = Assert.Single(h.Handler.Requests);
        Assert.Equal("afk_from_env", request.Header("X-API-Key"));
        Assert.Equal("http://localhost:5080/v2/jobs/j1", request.Uri.ToString());
    }

    [Fact]
    public void Without_options_or_environment_the_public_api_is_used()
    {
        Environment.SetEnvironmentVariable(ApiframeClientOptions.BaseAddressEnvironmentVariable, null);
        using var http = new HttpClient();

        var client = new ApiframeClient(http);

        Assert.Equal(new Uri("https://api.apiframe.ai/"), client.BaseAddress);
    }

    [Fact]
    public void An_HttpClient_base_address_from_IHttpClientFactory_is_honoured()
    {
        Environment.SetEnvironmentVariable(ApiframeClientOptions.BaseAddressEnvironmentVariable, null);
        using var http = new HttpClient { BaseAddress = new Uri("https://gateway.test/") };

        var client = new ApiframeClient(http, new ApiframeClientOptions { ApiKey = "k" });

        Assert.Equal(new Uri("https://gateway.test/"), client.BaseAddress);
    }
}
