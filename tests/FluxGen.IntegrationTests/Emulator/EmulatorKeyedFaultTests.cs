using System.Net;
using FluxGen.Emulator;
using Xunit;

namespace FluxGen.IntegrationTests.Emulator;

/// <summary>With FaultsByIdempotencyKey, a submission's faults follow its key, not the order requests arrive in.</summary>
public sealed class EmulatorKeyedFaultTests
{
    private const int Keys = 24;

    private static EmulatorOptions Keyed() => new()
    {
        ManualClock = true,
        Seed = 3,
        FaultRate503 = 0.4,
        DropAfterCreateRate = 0.3,
        FaultsByIdempotencyKey = true,
    };

    [Fact]
    public async Task Each_key_meets_the_same_faults_in_any_arrival_order()
    {
        var forwards = await OutcomesAsync(Enumerable.Range(0, Keys));
        var backwards = await OutcomesAsync(Enumerable.Range(0, Keys).Reverse());

        Assert.Equal(forwards, backwards);
        var all = forwards.Values.SelectMany(v => v).ToList();
        Assert.Contains(503, all);
        Assert.Contains(0, all);
        Assert.Contains(202, all);
    }

    [Fact]
    public async Task A_key_longer_than_a_submit_accepts_draws_from_the_shared_stream_and_is_refused()
    {
        await using var emulator = await ApiframeEmulator.StartAsync(new EmulatorOptions { ManualClock = true, FaultsByIdempotencyKey = true });
        using var http = new EmulatorHttp(emulator.BaseAddress);

        using var response = await http.SubmitAsync(EmulatorHttp.ValidBody, idempotencyKey: new string('k', 10_000));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(emulator.Jobs);
    }

    // Three attempts per key, keys in the given order: the status of each (0 for a dropped connection).
    private static async Task<SortedDictionary<int, int[]>> OutcomesAsync(IEnumerable<int> order)
    {
        await using var emulator = await ApiframeEmulator.StartAsync(Keyed());
        using var http = new EmulatorHttp(emulator.BaseAddress);
        var outcomes = new SortedDictionary<int, int[]>();
        foreach (var key in order)
        {
            var statuses = new int[3];
            for (var attempt = 0; attempt < statuses.Length; attempt++)
            {
                try
                {
                    using var response = await http.SubmitAsync(EmulatorHttp.ValidBody, idempotencyKey: $"key-{key}");
                    statuses[attempt] = (int)response.StatusCode;
                }
                catch (HttpRequestException)
                {
                    statuses[attempt] = 0;
                }
            }

            outcomes[key] = statuses;
        }

        return outcomes;
    }
}
