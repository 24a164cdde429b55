using FluxGen.Emulator;
using Xunit;

namespace FluxGen.IntegrationTests.Emulator;

public sealed class EmulatorHeaderTests
{
    [Fact]
    public async Task Every_reply_says_it_is_the_emulator_and_carries_a_request_id()
    {
        await using var emulator = await ApiframeEmulator.StartAsync(new EmulatorOptions { TimeScale = 0 });
        using var http = new EmulatorHttp(emulator.BaseAddress);
        var id = await http.SubmitOkAsync();
        emulator.EnqueueFault(EmulatorFault.TooManyRequests);

        var responses = new List<HttpResponseMessage>
        {
            await http.GetAsync("v2/jobs"),                    // 429, scripted
            await http.GetAsync($"v2/jobs/{id}"),              // 200
            await http.GetAsync("v2/jobs", key: null),         // 401
            await http.GetAsync($"v2/jobs/{Guid.NewGuid()}"),  // 404
            await http.SubmitAsync("{}"),                      // 400
            await http.Client.GetAsync($"files/{id}/0.jpg"),   // 200 image
            await http.Client.GetAsync("nowhere"),             // 404 outside /v2
        };

        Assert.Equal([429, 200, 401, 404, 400, 200, 404], responses.Select(r => (int)r.StatusCode));
        foreach (var response in responses)
        {
            Assert.Equal("true", response.Headers.GetValues("X-Apiframe-Emulator").Single());
            Assert.StartsWith("req_", response.Headers.GetValues("x-request-id").Single(), StringComparison.Ordinal);
            Assert.Contains("Emulator", response.Headers.Server.ToString(), StringComparison.Ordinal);
            response.Dispose();
        }

        var requestIds = emulator.Requests.Select(r => r.RequestId).ToList();
        Assert.Equal(requestIds.Count, requestIds.Distinct().Count());
    }

    [Fact]
    public async Task Emulator_listens_on_loopback_only()
    {
        await using var emulator = await ApiframeEmulator.StartAsync();

        Assert.Equal("127.0.0.1", emulator.BaseAddress.Host);
        Assert.NotEqual(0, emulator.BaseAddress.Port);
        Assert.EndsWith("/", emulator.BaseAddress.AbsoluteUri, StringComparison.Ordinal);
    }
}
