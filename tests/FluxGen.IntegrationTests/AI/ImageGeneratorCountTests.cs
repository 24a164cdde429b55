// The Microsoft.Extensions.AI image abstractions are [Experimental("MEAI001")]; these tests use them on purpose.
#pragma warning disable MEAI001

using System.Text.Json;
using Apiframe;
using FluxGen.Emulator;
using FluxGen.IntegrationTests.Client;
using Microsoft.Extensions.AI;
using Xunit;

namespace FluxGen.IntegrationTests.AI;

/// <summary><c>ImageGenerationOptions.Count</c> past what one job makes: as many jobs as needed, side by side.</summary>
public sealed class ImageGeneratorCountTests
{
    [Fact]
    public async Task Four_images_of_a_one_image_model_are_four_jobs_each_under_its_own_key_with_their_credits_summed()
    {
        await using var fixture = await ClientFixture.StartAsync(e => e.CreditsPerImage = 3);
        using var generator = fixture.Client.AsIImageGenerator().AsBuilder().UseOpenTelemetry().Build();

        var response = await generator.GenerateImagesAsync("four lanterns", new ImageGenerationOptions { Count = 4 });

        Assert.Equal(4, response.Contents.Count);
        Assert.All(response.Contents, c => Assert.StartsWith("image/", Assert.IsType<DataContent>(c).MediaType, StringComparison.Ordinal));
        var jobs = Assert.IsAssignableFrom<IReadOnlyList<ApiframeJob>>(response.RawRepresentation);
        Assert.Equal(4, jobs.Count);
        Assert.Equal(4, fixture.Emulator.Jobs.Count);
        Assert.All(fixture.Emulator.Jobs, j => Assert.Equal("flux-1.1-pro", j.Model));

        var submits = fixture.Emulator.Requests.Where(r => r.Method == "POST" && r.Path == "/v2/images/generate").ToList();
        Assert.Equal(4, submits.Count);
        Assert.Equal(4, submits.Select(r => r.IdempotencyKey).Distinct().Count());

        Assert.Equal(12, response.Usage?.AdditionalCounts?[ApiframeImageGenerator.CreditsUsageKey]);
        Assert.Equal(12, jobs.Sum(j => fixture.Emulator.Ledger.CreditsFor(j.Id)));

        // Each image is its own job's file.
        for (var i = 0; i < 4; i++)
        {
            var bytes = await fixture.Http.GetByteArrayAsync(jobs[i].Images.Single());
            Assert.Equal(bytes, ((DataContent)response.Contents[i]).Data.ToArray());
        }
    }

    [Fact]
    public async Task A_count_past_a_models_maximum_fills_whole_jobs_first()
    {
        await using var fixture = await ClientFixture.StartAsync();
        using var generator = fixture.Client.AsIImageGenerator("qwen-image");

        var response = await generator.GenerateImagesAsync("five pears", new ImageGenerationOptions { Count = 5, ResponseFormat = ImageGenerationResponseFormat.Uri });

        Assert.Equal(5, response.Contents.Count);
        // A one-image job needs no count, and so no params block at all.
        var counts = fixture.Emulator.Jobs
            .Select(j => JsonDocument.Parse(j.InputJson).RootElement)
            .Select(r => r.TryGetProperty("qwenImageParams", out var p) && p.TryGetProperty("num_images", out var n) ? n.GetInt32() : 1)
            .Order();
        Assert.Equal([1, 4], counts);
    }

    [Fact]
    public async Task A_count_past_the_ceiling_is_NotSupportedException_before_any_http_call()
    {
        await using var fixture = await ClientFixture.StartAsync();
        using var generator = fixture.Client.AsIImageGenerator();

        var error = await Assert.ThrowsAsync<NotSupportedException>(
            () => generator.GenerateImagesAsync("many cats", new ImageGenerationOptions { Count = ApiframeImageGenerator.MaxCount + 1 }));

        Assert.Contains("Count = 11", error.Message);
        Assert.Empty(fixture.Emulator.Requests);
    }

    [Fact]
    public async Task Cancelling_stops_waiting_for_every_job()
    {
        // Jobs that would take hours: only a cancelled wait lets the call end while they run.
        await using var fixture = await ClientFixture.StartAsync(e => e.SlowJobFactor = 10_000);
        fixture.Emulator.EnqueueFault(EmulatorFault.SlowJob, 3);
        using var generator = fixture.Client.AsIImageGenerator();
        using var cancel = new CancellationTokenSource();

        var call = generator.GenerateImagesAsync("three slow boats", new ImageGenerationOptions { Count = 3 }, cancel.Token);
        for (var polls = 0; fixture.Emulator.Jobs.Count < 3; polls++)
        {
            Assert.True(polls < 2000, "the three jobs were never submitted");
            await Task.Delay(10);
        }

        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        Assert.All(fixture.Emulator.Jobs, j => Assert.False(j.IsTerminal));
    }

    [Fact]
    public async Task One_refused_job_fails_the_call_and_stops_waiting_for_the_others()
    {
        // Credits for two jobs: the third submit is refused (402) while the first two would take hours. Were their
        // waits not cancelled, the call would end only at the poll timeout (two minutes: 6 s on the 20x clock), after
        // polling each of them some twenty times; cancelled, they are polled once at most (a loaded machine may let
        // one poll through before the refusal), so a few polls leave room and still tell the two apart.
        await using var fixture = await ClientFixture.StartAsync(
            e =>
            {
                e.SlowJobFactor = 10_000;
                e.CreditBalance = 2;
            },
            c => c.PollTimeout = TimeSpan.FromMinutes(2));
        fixture.Emulator.EnqueueFault(EmulatorFault.SlowJob, 2);
        using var generator = fixture.Client.AsIImageGenerator();

        var error = await Assert.ThrowsAsync<ApiframeException>(
            () => generator.GenerateImagesAsync("three boats", new ImageGenerationOptions { Count = 3 }));

        Assert.Equal(402, error.StatusCode);
        Assert.Equal(2, fixture.Emulator.Jobs.Count);
        Assert.All(fixture.Emulator.Jobs, j =>
        {
            Assert.False(j.IsTerminal);
            Assert.True(fixture.PollsFor(j.Id) <= 4, $"job {j.Id} was polled {fixture.PollsFor(j.Id)} times after the call had failed");
        });
    }
}
