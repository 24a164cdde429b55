using System.Net;
using FluxGen.Emulator;
using Xunit;

namespace FluxGen.IntegrationTests.Emulator;

public sealed class EmulatorIdempotencyTests
{
    [Fact]
    public async Task Same_key_and_body_replays_the_same_job_and_bills_once()
    {
        await using var emulator = await ApiframeEmulator.StartAsync(new EmulatorOptions { ManualClock = true });
        using var http = new EmulatorHttp(emulator.BaseAddress);

        var first = await http.SubmitOkAsync(idempotencyKey: "order-42");
        emulator.AdvanceClock(TimeSpan.FromMinutes(1));
        using var replay = await http.SubmitAsync(EmulatorHttp.ValidBody, idempotencyKey: "order-42");
        var replayed = await EmulatorHttp.ReadJsonAsync(replay);

        Assert.Equal(HttpStatusCode.Accepted, replay.StatusCode);
        Assert.Equal(first, replayed.GetProperty("jobId").GetString());
        Assert.Equal("COMPLETED", replayed.GetProperty("status").GetString());
        Assert.Equal("true", replay.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Single(emulator.Jobs);
        Assert.Equal(1, emulator.Ledger.ChargesFor(first));
        Assert.Equal(1, emulator.Ledger.TotalCredits);
    }

    [Fact]
    public async Task Replay_matches_the_json_value_not_its_spacing()
    {
        await using var emulator = await ApiframeEmulator.StartAsync(new EmulatorOptions { ManualClock = true });
        using var http = new EmulatorHttp(emulator.BaseAddress);

        var first = await http.SubmitOkAsync("""{"prompt":"p","model":"flux-1.1-pro","fluxParams":{"seed":1,"raw":true}}""", "k1");
        var second = await http.SubmitOkAsync("""{ "model": "flux-1.1-pro", "prompt": "p", "fluxParams": { "raw": true, "seed": 1 } }""", "k1");

        Assert.Equal(first, second);
    }

    [Fact]
    public async Task Same_key_with_another_body_is_409()
    {
        await using var emulator = await ApiframeEmulator.StartAsync(new EmulatorOptions { ManualClock = true });
        using var http = new EmulatorHttp(emulator.BaseAddress);

        await http.SubmitOkAsync(EmulatorHttp.Body("\"seed\":1"), "k1");
        using var conflict = await http.SubmitAsync(EmulatorHttp.Body("\"seed\":2"), idempotencyKey: "k1");

        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        Assert.True((await EmulatorHttp.ReadJsonAsync(conflict)).TryGetProperty("error", out _));
        Assert.Single(emulator.Jobs);
    }

    [Fact]
    public async Task Keys_belong_to_one_api_key_and_distinct_keys_make_distinct_jobs()
    {
        await using var emulator = await ApiframeEmulator.StartAsync(new EmulatorOptions { ManualClock = true });
        using var http = new EmulatorHttp(emulator.BaseAddress);

        var mine = await http.SubmitOkAsync(idempotencyKey: "k1");
        var theirs = await http.SubmitOkAsync(idempotencyKey: "k1", key: "afk_other");
        var another = await http.SubmitOkAsync(idempotencyKey: "k2");
        var unkeyed = await http.SubmitOkAsync();

        Assert.Equal(4, new[] { mine, theirs, another, unkeyed }.Distinct().Count());
    }

    [Fact]
    public async Task Connection_dropped_after_create_then_retried_with_the_key_gives_one_job_billed_once()
    {
        await using var emulator = await ApiframeEmulator.StartAsync(new EmulatorOptions { ManualClock = true });
        using var http = new EmulatorHttp(emulator.BaseAddress);
        emulator.EnqueueFault(EmulatorFault.DropAfterCreate);

        await Assert.ThrowsAnyAsync<HttpRequestException>(() => http.SubmitAsync(EmulatorHttp.ValidBody, idempotencyKey: "retry-me"));
        var created = Assert.Single(emulator.Jobs);
        var retried = await http.SubmitOkAsync(idempotencyKey: "retry-me");
        emulator.AdvanceClock(TimeSpan.FromMinutes(1));

        Assert.Equal(created.Id, retried);
        Assert.Equal("COMPLETED", emulator.GetJob(retried)!.Status);
        Assert.Single(emulator.Jobs);
        Assert.Equal(1, emulator.Ledger.ChargesFor(retried));
        Assert.Equal([0, 202], emulator.Requests.Where(r => r.Method == "POST").Select(r => r.StatusCode));
    }

    [Fact]
    public async Task Without_a_key_the_same_dropped_submit_retried_bills_twice()
    {
        // The reason clients must send Idempotency-Key: this is what happens when they do not.
        await using var emulator = await ApiframeEmulator.StartAsync(new EmulatorOptions { ManualClock = true, DropAfterCreateRate = 1 });
        using var http = new EmulatorHttp(emulator.BaseAddress);

        await Assert.ThrowsAnyAsync<HttpRequestException>(() => http.SubmitAsync(EmulatorHttp.ValidBody));
        emulator.Options.DropAfterCreateRate = 0;
        await http.SubmitOkAsync();
        emulator.AdvanceClock(TimeSpan.FromMinutes(1));

        Assert.Equal(2, emulator.Jobs.Count);
        Assert.Equal(2, emulator.Ledger.TotalCredits);
    }
}
