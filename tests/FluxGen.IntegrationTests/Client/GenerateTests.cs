using Apiframe;
using SkiaSharp;
using Xunit;
using Xunit.Abstractions;

namespace FluxGen.IntegrationTests.Client;

/// <summary>The generated client against the emulator over real loopback HTTP: the happy path end to end.</summary>
public class GenerateTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(Flux11ProOutputFormat.Png, Flux11ProAspectRatio.Ratio16x9, "Png", 16, 9)]
    [InlineData(Flux11ProOutputFormat.Jpg, Flux11ProAspectRatio.Ratio3x4, "Jpeg", 3, 4)]
    [InlineData(Flux11ProOutputFormat.Webp, Flux11ProAspectRatio.Ratio1x1, "Webp", 1, 1)]
    public async Task GenerateThenDownloadGivesAnImageOfTheRightFormatAndRatio(Flux11ProOutputFormat format, Flux11ProAspectRatio ratio, string codec, int w, int h)
    {
        await using var fixture = await ClientFixture.StartAsync();
        var seen = new List<ApiframeJob>();
        var progress = new SynchronousProgress<ApiframeJob>(seen.Add);

        var job = await fixture.Client.GenerateAsync(new Flux11ProRequest("a red umbrella in Tokyo rain")
        {
            FluxParams = new() { OutputFormat = format, AspectRatio = ratio, OutputQuality = 90 },
        }, progress);

        Assert.Equal(ApiframeJobStatus.Completed, job.Status);
        Assert.Equal("flux-1.1-pro", job.Model);
        Assert.NotEmpty(seen);
        var url = Assert.Single(job.Images);

        await using var stream = await fixture.Client.DownloadAsync(url);
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        copy.Position = 0;
        using var decoded = SKCodec.Create(copy);
        Assert.NotNull(decoded);
        Assert.Equal(codec, decoded.EncodedFormat.ToString());
        Assert.Equal(decoded.Info.Width * h, decoded.Info.Height * w, tolerance: Math.Max(w, h));
        Assert.Equal(1, fixture.Emulator.Ledger.ChargesFor(job.Id));
    }

    [Fact]
    public async Task PollsPerJobOfTheModelsAverageDurationBeatTheNodeSdkSchedule()
    {
        await using var fixture = await ClientFixture.StartAsync();
        var ours = new List<int>();
        for (var i = 0; i < 5; i++)
        {
            var job = await fixture.Client.GenerateAsync(new Flux11ProRequest($"poll count {i}"));
            ours.Add(fixture.PollsFor(job.Id));
        }

        // Baseline, same run and same emulator: the official Node SDK's waiter (first poll at 2 s, then x1.5, capped at 5 s).
        var baseline = new List<int>();
        for (var i = 0; i < 5; i++)
        {
            var submission = await fixture.Client.SubmitAsync(new Flux11ProRequest($"baseline {i}"));
            var delay = TimeSpan.FromSeconds(2);
            while (true)
            {
                await Task.Delay(delay, fixture.Options.TimeProvider);
                var job = await fixture.Client.GetJobAsync(submission.JobId);
                if (job.Status.IsTerminal)
                {
                    break;
                }

                delay = TimeSpan.FromTicks(Math.Min((long)(delay.Ticks * 1.5), TimeSpan.FromSeconds(5).Ticks));
            }

            baseline.Add(fixture.PollsFor(submission.JobId));
        }

        output.WriteLine($"polls per 10 s job: FluxGen {string.Join(",", ours)} (mean {ours.Average():0.0}); Node SDK schedule {string.Join(",", baseline)} (mean {baseline.Average():0.0})");
        Assert.All(ours, polls => Assert.InRange(polls, 1, 3));
        Assert.True(ours.Average() < baseline.Average(), $"FluxGen {ours.Average()} vs baseline {baseline.Average()}");
    }

    [Fact]
    public async Task AnInvalidRequestIsRefusedBeforeAnyByteIsSent()
    {
        await using var fixture = await ClientFixture.StartAsync();
        // Deliberately invalid constants: the analyzer flags them at compile time; this test is about run time.
#pragma warning disable FLUX001, FLUX002, FLUX003, FLUX006
        var request = new Flux11ProRequest(string.Empty) { FluxParams = new() { OutputQuality = 101 } };
#pragma warning restore FLUX001, FLUX002, FLUX003, FLUX006

        var error = await Assert.ThrowsAsync<Apiframe.Validation.ApiframeValidationException>(() => fixture.Client.SubmitAsync(request));

        Assert.Equal(new[] { "prompt", "fluxParams.output_quality" }, error.Errors.Select(e => e.Path));
        Assert.Empty(fixture.Emulator.Requests);
    }

    [Fact]
    public async Task ListJobsWalksEveryCursorPage()
    {
        await using var fixture = await ClientFixture.StartAsync(e => e.TimeScale = 0);
        var ids = new HashSet<string>();
        for (var i = 0; i < 7; i++)
        {
            ids.Add((await fixture.Client.SubmitAsync(new Flux11ProRequest($"list {i}"))).JobId);
        }

        var listed = new List<string>();
        await foreach (var job in fixture.Client.ListJobsAsync(new ApiframeJobQuery { Limit = 3, Model = "flux-1.1-pro" }))
        {
            listed.Add(job.Id);
        }

        Assert.Equal(ids.OrderBy(x => x), listed.OrderBy(x => x));
        Assert.Equal(3, fixture.Emulator.Requests.Count(r => r.Path.EndsWith("/v2/jobs", StringComparison.Ordinal)));
    }

    private sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value)
        {
            lock (this)
            {
                report(value);
            }
        }
    }
}
