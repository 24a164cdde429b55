using System.Net;
using FluxGen.Emulator;
using Xunit;

namespace FluxGen.IntegrationTests.Emulator;

public sealed class EmulatorAuthTests
{
    [Fact]
    public async Task Missing_key_is_401_and_creates_nothing()
    {
        await using var emulator = await ApiframeEmulator.StartAsync(new EmulatorOptions { TimeScale = 0 });
        using var http = new EmulatorHttp(emulator.BaseAddress);

        using var response = await http.SubmitAsync(EmulatorHttp.ValidBody, key: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("X-API-Key", (await EmulatorHttp.ReadJsonAsync(response)).GetProperty("error").GetString());
        Assert.Empty(emulator.Jobs);
    }

    [Theory]
    [InlineData("sk_live_123")]
    [InlineData("afk_")]
    public async Task Key_without_the_afk_prefix_is_401(string key)
    {
        await using var emulator = await ApiframeEmulator.StartAsync(new EmulatorOptions { TimeScale = 0 });
        using var http = new EmulatorHttp(emulator.BaseAddress);

        using var submit = await http.SubmitAsync(EmulatorHttp.ValidBody, key);
        using var list = await http.GetAsync("v2/jobs", key);

        Assert.Equal(HttpStatusCode.Unauthorized, submit.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, list.StatusCode);
    }

    [Fact]
    public async Task Explicit_key_list_accepts_only_those_keys()
    {
        await using var emulator = await ApiframeEmulator.StartAsync(new EmulatorOptions { TimeScale = 0, ApiKeys = ["afk_only"] });
        using var http = new EmulatorHttp(emulator.BaseAddress);

        using var other = await http.GetAsync("v2/jobs", "afk_other");
        using var listed = await http.GetAsync("v2/jobs", "afk_only");

        Assert.Equal(HttpStatusCode.Unauthorized, other.StatusCode);
        Assert.Equal(HttpStatusCode.OK, listed.StatusCode);
    }

    [Fact]
    public async Task Inactive_key_is_403()
    {
        await using var emulator = await ApiframeEmulator.StartAsync(new EmulatorOptions { TimeScale = 0, InactiveKeys = ["afk_retired"] });
        using var http = new EmulatorHttp(emulator.BaseAddress);

        using var response = await http.SubmitAsync(EmulatorHttp.ValidBody, "afk_retired");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(emulator.Jobs);
    }

    [Fact]
    public async Task Submit_beyond_the_balance_is_402_with_the_credit_figures()
    {
        await using var emulator = await ApiframeEmulator.StartAsync(new EmulatorOptions { ManualClock = true, CreditBalance = 1 });
        using var http = new EmulatorHttp(emulator.BaseAddress);

        await http.SubmitOkAsync();
        using var second = await http.SubmitAsync(EmulatorHttp.ValidBody);
        var body = await EmulatorHttp.ReadJsonAsync(second);

        // The running first job holds the only credit even before it is billed.
        Assert.Equal(HttpStatusCode.PaymentRequired, second.StatusCode);
        Assert.Equal("Insufficient credits", body.GetProperty("error").GetString());
        Assert.Equal(1, body.GetProperty("creditsRequired").GetInt32());
        Assert.Equal(0, body.GetProperty("creditsAvailable").GetInt32());
        Assert.Single(emulator.Jobs);
    }

    [Fact]
    public async Task A_failed_job_gives_its_held_credit_back()
    {
        await using var emulator = await ApiframeEmulator.StartAsync(new EmulatorOptions { ManualClock = true, CreditBalance = 1 });
        using var http = new EmulatorHttp(emulator.BaseAddress);
        emulator.EnqueueFault(EmulatorFault.FailJob);

        var failed = await http.SubmitOkAsync();
        emulator.AdvanceClock(TimeSpan.FromSeconds(10));
        var second = await http.SubmitOkAsync();

        Assert.Equal("FAILED", emulator.GetJob(failed)!.Status);
        Assert.NotEqual(failed, second);
    }
}
