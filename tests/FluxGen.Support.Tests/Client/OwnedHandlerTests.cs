using System;
using System.Net.Http;
using System.Threading.Tasks;
using Apiframe;
using Xunit;

namespace FluxGen.Support.Tests.Client;

public sealed class OwnedHandlerTests
{
    [Fact]
    public async Task Disposing_a_client_closes_the_pool_it_created()
    {
        var client = new ApiframeClient(new ApiframeClientOptions { ApiKey = "afk_k", BaseAddress = new Uri("http://127.0.0.1:9/") });

        client.Dispose();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => client.GetJobAsync("j1"));
    }

    [Fact]
    public void Disposing_a_client_leaves_your_HttpClient_open()
    {
        using var http = new HttpClient();
        var client = new ApiframeClient(http, new ApiframeClientOptions { ApiKey = "afk_k" });

        client.Dispose();

        http.CancelPendingRequests(); // throws ObjectDisposedException once disposed
    }

    [Fact]
    public void A_bad_setting_fails_before_a_pool_is_made()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ApiframeClient(new ApiframeClientOptions { MaxResponseBodyBytes = 0 }));
        Assert.Throws<ArgumentException>(() => new ApiframeClient(new ApiframeClientOptions { WebhookUrl = new Uri("ftp://example.com/h") }));
    }

    [Fact]
    public void ToString_shows_the_webhook_url_without_its_query_and_never_the_key()
    {
        var text = new ApiframeClientOptions { ApiKey = "afk_secret", WebhookUrl = new Uri("https://app.test/hooks?token=abc") }.ToString();

        Assert.Contains("https://app.test/hooks", text);
        Assert.DoesNotContain("token=abc", text);
        Assert.DoesNotContain("afk_secret", text);
    }
}
