using System.Net;
using FluxGen.Emulator;
using Xunit;

namespace FluxGen.IntegrationTests.Emulator;

public sealed class EmulatorFaultTests
{
    private static EmulatorOptions Faulty(int seed) => new()
    {
        ManualClock = true,
        Seed = seed,
        FaultRate429 = 0.25,
        FaultRate503 = 0.25,
        DropConnectionRate = 0.1,
        RetryAfterSeconds = 3,
    };

    [Fact]
    public async Task Rate_faults_repeat_exactly_for_the_same_seed()
    {
        var first = await OutcomesAsync(Faulty(seed: 11));
        var second = await OutcomesAsync(Faulty(seed: 11));
        var otherSeed = await OutcomesAsync(Faulty(seed: 12));

        Assert.Equal(first, second);
        Assert.NotEqual(first, otherSeed);
        Assert.Contains(202, first);
        Assert.Contains(429, first);
        Assert.Contains(503, first);
        Assert.Contains(0, first);
    }

    [Fact]
    public async Task Faulted_submits_create_and_bill_nothing()
    {
        await using var emulator = await ApiframeEmulator.StartAsync(Faulty(seed: 5));
        using var http = new EmulatorHttp(emulator.BaseAddress);

        var accepted = 0;
        for (var i = 0; i < 30; i++)
        {
            try
            {
                using var response = await http.SubmitAsync(EmulatorHttp.ValidBody);
                if (response.StatusCode == HttpStatusCode.TooManyRequests)
                {
                    Assert.Equal(TimeSpan.FromSeconds(3), response.Headers.RetryAfter?.Delta);
                }

                accepted += response.StatusCode == HttpStatusCode.Accepted ? 1 : 0;
            }
            catch (HttpRequestException)
            {
                // A dropped connection.
            }
        }

        emulator.AdvanceClock(TimeSpan.FromMinutes(1));
        Assert.InRange(accepted, 1, 29);
        Assert.Equal(accepted, emulator.Jobs.Count);
        Assert.Equal(accepted, emulator.Ledger.TotalCredits);
        Assert.Equal(30 - accepted, emulator.Requests.Count(r => r.Fault is not null));
    }

    [Fact]
    public async Task Scripted_faults_come_first_in_order_and_only_for_their_method()
    {
        await using var emulator = await ApiframeEmulator.StartAsync(new EmulatorOptions { ManualClock = true, RetryAfterSeconds = 0 });
        using var http = new EmulatorHttp(emulator.BaseAddress);
        emulator.EnqueueFault(EmulatorFault.TooManyRequests, 2, "POST");
        emulator.EnqueueFault(EmulatorFault.ServiceUnavailable, 1, "POST");

        using var poll = await http.GetAsync("v2/jobs");
        var statuses = new List<int>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await http.SubmitAsync(EmulatorHttp.ValidBody, idempotencyKey: "same");
            statuses.Add((int)response.StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, poll.StatusCode);
        Assert.Equal([429, 429, 503, 202], statuses);
        Assert.Single(emulator.Jobs);
        Assert.Equal(
            [EmulatorFault.TooManyRequests, EmulatorFault.TooManyRequests, EmulatorFault.ServiceUnavailable, null],
            emulator.Requests.Where(r => r.Method == "POST").Select(r => r.Fault));
    }

    [Fact]
    public async Task Dropped_connection_answers_nothing_and_creates_nothing()
    {
        await using var emulator = await ApiframeEmulator.StartAsync(new EmulatorOptions { ManualClock = true });
        using var http = new EmulatorHttp(emulator.BaseAddress);
        emulator.EnqueueFault(EmulatorFault.DropConnection);

        await Assert.ThrowsAnyAsync<HttpRequestException>(() => http.SubmitAsync(EmulatorHttp.ValidBody));

        Assert.Empty(emulator.Jobs);
        var logged = Assert.Single(emulator.Requests);
        Assert.Equal((0, EmulatorFault.DropConnection), (logged.StatusCode, logged.Fault));
    }

    [Fact]
    public async Task Job_failure_rate_fails_the_seeded_share_of_jobs()
    {
        static async Task<List<bool>> PlannedFailuresAsync()
        {
            await using var emulator = await ApiframeEmulator.StartAsync(new EmulatorOptions { ManualClock = true, Seed = 3, JobFailureRate = 0.5 });
            using var http = new EmulatorHttp(emulator.BaseAddress);
            var ids = new List<string>();
            for (var i = 0; i < 12; i++)
            {
                ids.Add(await http.SubmitOkAsync());
            }

            emulator.AdvanceClock(TimeSpan.FromMinutes(1));
            var failed = ids.Select(id => emulator.GetJob(id)!.Status == "FAILED").ToList();
            Assert.Equal(failed.Count(f => !f), emulator.Ledger.Entries.Count);
            return failed;
        }

        var first = await PlannedFailuresAsync();
        var second = await PlannedFailuresAsync();

        Assert.Equal(first, second);
        Assert.Contains(true, first);
        Assert.Contains(false, first);
    }

    [Fact]
    public async Task Slow_job_takes_the_slow_factor_longer()
    {
        await using var emulator = await ApiframeEmulator.StartAsync(new EmulatorOptions { ManualClock = true, TimeScale = 1, SlowJobFactor = 3 });
        using var http = new EmulatorHttp(emulator.BaseAddress);
        emulator.EnqueueFault(EmulatorFault.SlowJob);

        var slow = await http.SubmitOkAsync();
        var normal = await http.SubmitOkAsync();
        emulator.AdvanceClock(TimeSpan.FromSeconds(10));

        Assert.Equal(TimeSpan.FromSeconds(30), emulator.GetJob(slow)!.Duration);
        Assert.Equal("PROCESSING", (await http.GetJobAsync(slow)).GetProperty("status").GetString());
        Assert.Equal("COMPLETED", (await http.GetJobAsync(normal)).GetProperty("status").GetString());
        emulator.AdvanceClock(TimeSpan.FromSeconds(20));
        Assert.Equal("COMPLETED", (await http.GetJobAsync(slow)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Options_changed_while_running_take_effect_on_the_next_request()
    {
        await using var emulator = await ApiframeEmulator.StartAsync(new EmulatorOptions { ManualClock = true });
        using var http = new EmulatorHttp(emulator.BaseAddress);

        using var before = await http.GetAsync("v2/jobs");
        emulator.Options.FaultRate503 = 1;
        using var after = await http.GetAsync("v2/jobs");

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, after.StatusCode);
    }

    // 0 stands for a dropped connection.
    private static async Task<List<int>> OutcomesAsync(EmulatorOptions options)
    {
        await using var emulator = await ApiframeEmulator.StartAsync(options);
        using var http = new EmulatorHttp(emulator.BaseAddress);
        var outcomes = new List<int>();
        for (var i = 0; i < 40; i++)
        {
            try
            {
                using var response = await http.SubmitAsync(EmulatorHttp.ValidBody);
                outcomes.Add((int)response.StatusCode);
            }
            catch (HttpRequestException)
            {
                outcomes.Add(0);
            }
        }

        return outcomes;
    }
}
