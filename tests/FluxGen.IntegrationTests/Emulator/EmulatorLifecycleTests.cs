using System.Net;
using System.Text.Json;
using FluxGen.Emulator;
using Xunit;

namespace FluxGen.IntegrationTests.Emulator;

public sealed class EmulatorLifecycleTests
{
    // Flux 1.1 Pro averages 10 s; at TimeScale 1 on a manual clock a job is queued for 1 s and ends at 10 s.
    private static EmulatorOptions Stepped => new() { ManualClock = true, TimeScale = 1 };

    [Fact]
    public async Task Job_goes_queued_processing_completed_as_the_clock_moves()
    {
        await using var emulator = await ApiframeEmulator.StartAsync(Stepped);
        using var http = new EmulatorHttp(emulator.BaseAddress);

        using var submit = await http.SubmitAsync(EmulatorHttp.ValidBody);
        var accepted = await EmulatorHttp.ReadJsonAsync(submit);
        var id = accepted.GetProperty("jobId").GetString()!;
        Assert.Equal(HttpStatusCode.Accepted, submit.StatusCode);
        Assert.Equal("QUEUED", accepted.GetProperty("status").GetString());
        Assert.True(Guid.TryParse(id, out _));

        var queued = await http.GetJobAsync(id);
        Assert.Equal("QUEUED", queued.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, queued.GetProperty("progress").ValueKind);

        emulator.AdvanceClock(TimeSpan.FromSeconds(1));
        var started = await http.GetJobAsync(id);
        Assert.Equal("PROCESSING", started.GetProperty("status").GetString());
        Assert.Equal(0, started.GetProperty("progress").GetInt32());

        emulator.AdvanceClock(TimeSpan.FromSeconds(4.5));
        var halfway = await http.GetJobAsync(id);
        Assert.Equal("PROCESSING", halfway.GetProperty("status").GetString());
        Assert.Equal(50, halfway.GetProperty("progress").GetInt32());
        Assert.Equal(JsonValueKind.Null, halfway.GetProperty("result").ValueKind);
        Assert.Equal(JsonValueKind.Null, halfway.GetProperty("creditCost").ValueKind);
        Assert.Empty(emulator.Ledger.Entries);

        emulator.AdvanceClock(TimeSpan.FromSeconds(4.5));
        var done = await http.GetJobAsync(id);
        Assert.Equal("COMPLETED", done.GetProperty("status").GetString());
        Assert.Equal(100, done.GetProperty("progress").GetInt32());
        Assert.Equal(1, done.GetProperty("creditCost").GetInt32());
        Assert.Equal(JsonValueKind.Null, done.GetProperty("error").ValueKind);
        Assert.Equal(JsonValueKind.Null, done.GetProperty("webhookStatus").ValueKind);
        var created = DateTimeOffset.Parse(done.GetProperty("createdAt").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        var completed = DateTimeOffset.Parse(done.GetProperty("completedAt").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(TimeSpan.FromSeconds(10), completed - created);
        var image = Assert.Single(done.GetProperty("result").GetProperty("images").EnumerateArray()).GetString()!;
        Assert.StartsWith(emulator.BaseAddress.AbsoluteUri + "files/" + id + "/", image, StringComparison.Ordinal);

        var entry = Assert.Single(emulator.Ledger.Entries);
        Assert.Equal((id, 1), (entry.JobId, entry.Credits));
    }

    [Fact]
    public async Task Job_json_has_exactly_the_documented_fields()
    {
        await using var emulator = await ApiframeEmulator.StartAsync(new EmulatorOptions { TimeScale = 0 });
        using var http = new EmulatorHttp(emulator.BaseAddress);
        var id = await http.SubmitOkAsync();

        var job = await http.GetJobAsync(id);

        Assert.Equal(
            ["completedAt", "createdAt", "creditCost", "error", "expired", "id", "input", "model", "progress", "result", "status", "webhookStatus"],
            job.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal(id, job.GetProperty("id").GetString());
        Assert.Equal("flux-1.1-pro", job.GetProperty("model").GetString());
        Assert.Equal("a red umbrella in Tokyo rain", job.GetProperty("input").GetProperty("prompt").GetString());
    }

    [Fact]
    public async Task Polling_on_the_real_clock_sees_progress_before_completion()
    {
        await using var emulator = await ApiframeEmulator.StartAsync(new EmulatorOptions { TimeScale = 0.08 });
        using var http = new EmulatorHttp(emulator.BaseAddress);
        var id = await http.SubmitOkAsync();

        var (job, polls, seen) = await http.PollUntilDoneAsync(id);

        Assert.Equal("COMPLETED", job.GetProperty("status").GetString());
        Assert.True(polls > 1);
        Assert.Contains(seen, s => s.Status == "PROCESSING" && s.Progress is >= 0 and < 100);
        var progress = seen.Where(s => s.Progress is not null).Select(s => s.Progress!.Value).ToList();
        Assert.Equal(progress.Order(), progress);
        Assert.Equal(1, emulator.Ledger.ChargesFor(id));
    }

    [Fact]
    public async Task Failed_job_reports_its_reason_and_is_not_billed()
    {
        await using var emulator = await ApiframeEmulator.StartAsync(new EmulatorOptions { ManualClock = true, JobFailureRate = 1, JobFailureReason = "NSFW content detected" });
        using var http = new EmulatorHttp(emulator.BaseAddress);
        var id = await http.SubmitOkAsync();

        emulator.AdvanceClock(TimeSpan.FromMinutes(1));
        var job = await http.GetJobAsync(id);

        Assert.Equal("FAILED", job.GetProperty("status").GetString());
        Assert.Equal("NSFW content detected", job.GetProperty("error").GetString());
        Assert.Equal(0, job.GetProperty("creditCost").GetInt32());
        Assert.Equal(JsonValueKind.Null, job.GetProperty("result").ValueKind);
        Assert.Equal(JsonValueKind.String, job.GetProperty("completedAt").ValueKind);
        Assert.Empty(emulator.Ledger.Entries);
    }

    [Fact]
    public async Task Zero_time_scale_completes_on_first_look()
    {
        await using var emulator = await ApiframeEmulator.StartAsync(new EmulatorOptions { TimeScale = 0 });
        using var http = new EmulatorHttp(emulator.BaseAddress);
        var id = await http.SubmitOkAsync();

        var job = await http.GetJobAsync(id);

        Assert.Equal("COMPLETED", job.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Unknown_or_foreign_job_is_404_json()
    {
        await using var emulator = await ApiframeEmulator.StartAsync(new EmulatorOptions { TimeScale = 0 });
        using var http = new EmulatorHttp(emulator.BaseAddress);
        var id = await http.SubmitOkAsync();

        using var unknown = await http.GetAsync($"v2/jobs/{Guid.NewGuid()}");
        using var foreign = await http.GetAsync($"v2/jobs/{id}", "afk_someone_else");
        using var route = await http.GetAsync("v2/nothing-here");

        foreach (var response in new[] { unknown, foreign, route })
        {
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.True((await EmulatorHttp.ReadJsonAsync(response)).TryGetProperty("error", out _));
        }
    }

    [Fact]
    public async Task Credits_per_image_sets_the_bill()
    {
        await using var emulator = await ApiframeEmulator.StartAsync(new EmulatorOptions { TimeScale = 0, CreditsPerImage = 7 });
        using var http = new EmulatorHttp(emulator.BaseAddress);
        var id = await http.SubmitOkAsync();

        var job = await http.GetJobAsync(id);

        Assert.Equal(7, job.GetProperty("creditCost").GetInt32());
        Assert.Equal(7, emulator.Ledger.CreditsFor(id));
    }
}
