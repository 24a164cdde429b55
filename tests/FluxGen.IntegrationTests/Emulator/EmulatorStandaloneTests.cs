using System.Net;
using FluxGen.Emulator;
using Xunit;

namespace FluxGen.IntegrationTests.Emulator;

public sealed class EmulatorStandaloneTests
{
    [Fact]
    public async Task Command_line_sets_the_address_and_binds_the_emulator_section()
    {
        await using var emulator = await ApiframeEmulator.StartStandaloneAsync(
        [
            "--urls", "http://127.0.0.1:0",
            "--Emulator:TimeScale=0.25",
            "--Emulator:FaultRate503=1",
            "--Emulator:InactiveKeys:0=afk_retired",
            "--Emulator:CreditBalance=5",
        ]);
        using var http = new EmulatorHttp(emulator.BaseAddress);

        using var response = await http.GetAsync("v2/jobs");

        Assert.Equal("127.0.0.1", emulator.BaseAddress.Host);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(0.25, emulator.Options.TimeScale);
        Assert.Equal(["afk_retired"], emulator.Options.InactiveKeys);
        Assert.Equal(5, emulator.Options.CreditBalance);
    }
}
