using System.Net;
using FluxGen.Emulator;
using Xunit;

namespace FluxGen.IntegrationTests.Emulator;

/// <summary>The emulator's own URI and number rules give the runtime's verdict on the values issue 10 found.</summary>
public sealed class EmulatorRuleTests : IAsyncLifetime
{
    private ApiframeEmulator _emulator = null!;
    private EmulatorHttp _http = null!;

    public async Task InitializeAsync()
    {
        _emulator = await ApiframeEmulator.StartAsync(new EmulatorOptions { ManualClock = true });
        _http = new EmulatorHttp(_emulator.BaseAddress);
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _emulator.DisposeAsync();
    }

    [Theory]
    [InlineData("https://example.com:99999/x", true)]
    [InlineData("http://ex%41mple.com/", true)]
    [InlineData("http://[v1.fe]/", true)]
    [InlineData("http://[::ffff:192.168.0.1]:0/", true)]
    [InlineData("http://example.com/#a#b", false)]
    [InlineData("http://[fe80::1%25eth0]/", false)]
    [InlineData("http://[1::2::3]/", false)]
    [InlineData("http://[::::]/", false)]
    [InlineData("http://[12345::]/", false)]
    [InlineData("http://[1:2:3:4:5:6:7:8:9]/", false)]
    [InlineData("http:///x", false)]
    public async Task Webhook_url_is_judged_by_rfc_3986_as_the_runtime_judges_it(string url, bool valid)
    {
        Assert.Equal(valid, Apiframe.Validation.SchemaText.IsHttpUri(url));
        using var response = await _http.SubmitAsync(EmulatorHttp.Body(extra: $"\"webhookUrl\":\"{url}\""));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == (valid ? HttpStatusCode.Accepted : HttpStatusCode.BadRequest), $"{url}: {(int)response.StatusCode} {text}");
    }

    [Theory]
    [InlineData("0e99999999999", true)]
    [InlineData("-0.0e-99999999999", true)]
    [InlineData("0.35e0", true)]
    [InlineData("35e-2", true)]
    [InlineData("0.0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000005", false)]
    [InlineData("5e-99999999999", false)]
    [InlineData("1e99999999999", false)]
    public async Task Numbers_are_read_exactly_whatever_their_exponent(string strength, bool valid)
    {
        using var response = await _http.SubmitAsync(EmulatorHttp.Body($"\"image_prompt\":\"https://example.com/a.png\",\"image_prompt_strength\":{strength}"));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == (valid ? HttpStatusCode.Accepted : HttpStatusCode.BadRequest), $"{strength}: {(int)response.StatusCode} {text}");
    }
}
