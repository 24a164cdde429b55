using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Apiframe;
using FluxGen.Support.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace FluxGen.Support.Tests.Client;

public sealed class PollingTests
{
    private readonly ITestOutputHelper _output;

    public PollingTests(ITestOutputHelper output) => _output = output;

    /// <summary>The official Node SDK's waiter: first poll after 2 s, then every interval x1.5, capped at 5 s.</summary>
    private static (int Polls, TimeSpan SeenAt) NodeSdkBaseline(TimeSpan jobDuration)
    {
        var at = TimeSpan.Zero;
        var interval = TimeSpan.FromSeconds(2);
        for (var polls = 1; ; polls++)
        {
            at += interval;
            if (at >= jobDuration)
            {
                return (polls, at);
            }

            interval = TimeSpan.FromTicks(Math.Min((long)(interval.Ticks * 1.5), TimeSpan.FromSeconds(5).Ticks));
        }
    }

    [Theory]
    [InlineData(10.0, 1)]
    [InlineData(10.9, 2)]
    [InlineData(12.5, 3)]
    public async Task A_job_that_takes_about_the_models_average_needs_at_most_three_polls(double seconds, int expectedPolls)
    {
        var duration = TimeSpan.FromSeconds(seconds);
        using var h = new Harness(x => new FakeJobServer(x.Clock, duration).Handler());
        var progress = new ListProgress<ApiframeJob>();

        var job = await h.Run(h.Client.GenerateAsync(new TestRequest("a red umbrella"), progress));

        Assert.Equal(ApiframeJobStatus.Completed, job.Status);
        Assert.Equal(new[] { "https://cdn.test/job-1/0.jpg" }, job.Images);
        var polls = h.Handler.Requests.Count(r => r.Method.Method == "GET");
        Assert.Equal(expectedPolls, polls);
        Assert.True(polls <= 3);

        // The Node SDK baseline for the same job: 2 s, 5 s, 9.5 s, 14.5 s -> 4 polls, result seen at 14.5 s.
        var baseline = NodeSdkBaseline(duration);
        var seenAt = h.Clock.Elapsed;
        _output.WriteLine($"{seconds} s job: FluxGen {polls} poll(s), result seen at {seenAt.TotalSeconds} s; Node SDK baseline {baseline.Polls} poll(s), seen at {baseline.SeenAt.TotalSeconds} s");
        Assert.Equal(4, baseline.Polls);
        Assert.True(polls < baseline.Polls);
        Assert.True(seenAt <= baseline.SeenAt);
    }

    [Fact]
    public async Task The_first_poll_waits_for_the_models_average_duration()
    {
        using var h = new Harness(x => new FakeJobServer(x.Clock, TimeSpan.FromSeconds(10)).Handler());

        await h.Run(h.Client.GenerateAsync(new TestRequest("p")));

        var requests = h.Handler.Requests;
        Assert.Equal(TimeSpan.FromSeconds(10), requests[1].At - requests[0].At);
    }

    [Fact]
    public async Task Progress_is_reported_on_every_poll()
    {
        using var h = new Harness(x => new FakeJobServer(x.Clock, TimeSpan.FromSeconds(20)).Handler());
        var progress = new ListProgress<ApiframeJob>();

        await h.Run(h.Client.WaitForCompletionAsync("job-1", progress, expectedDuration: TimeSpan.FromSeconds(5)));

        var polls = h.Handler.Requests.Count;
        Assert.Equal(polls, progress.Reports.Count);
        Assert.Equal(ApiframeJobStatus.Processing, progress.Reports[0].Status);
        Assert.Equal(25, progress.Reports[0].Progress);
        Assert.Equal(ApiframeJobStatus.Completed, progress.Reports[^1].Status);
        Assert.True(progress.Reports.Select(r => r.Progress ?? 0).SequenceEqual(progress.Reports.Select(r => r.Progress ?? 0).OrderBy(p => p)));
    }

    [Fact]
    public async Task Without_an_estimate_the_first_poll_is_after_two_seconds_and_intervals_are_capped()
    {
        using var h = new Harness(x => new FakeJobServer(x.Clock, TimeSpan.FromSeconds(60)).Handler());

        await h.Run(h.Client.WaitForCompletionAsync("job-1"));

        var at = h.Handler.Requests.Select(r => r.At - h.Clock.Start).ToArray();
        Assert.Equal(TimeSpan.FromSeconds(2), at[0]);
        var gaps = at.Zip(at.Skip(1), (a, b) => b - a).ToArray();
        Assert.Equal(TimeSpan.FromSeconds(1), gaps[0]);
        Assert.Equal(TimeSpan.FromSeconds(1.5), gaps[1]);
        Assert.All(gaps, g => Assert.True(g <= TimeSpan.FromSeconds(5)));
        Assert.Equal(TimeSpan.FromSeconds(5), gaps[^1]);
    }

    [Theory]
    [InlineData("FAILED", "NSFW content detected")]
    [InlineData("CANCELLED", null)]
    public async Task A_failed_or_cancelled_job_raises_with_the_servers_reason_and_the_job(string status, string? reason)
    {
        using var h = new Harness(x => new FakeJobServer(x.Clock, TimeSpan.FromSeconds(8)) { FinalStatus = status, FinalError = reason }.Handler());

        var ex = await Assert.ThrowsAsync<ApiframeException>(() => h.Run(h.Client.GenerateAsync(new TestRequest("p"))));

        Assert.NotNull(ex.Job);
        Assert.Equal(new ApiframeJobStatus(status), ex.Job!.Status);
        Assert.Equal(reason, ex.Error);
        Assert.Null(ex.StatusCode);
        Assert.Contains("job-1", ex.Message);
        if (reason is not null)
        {
            Assert.Contains(reason, ex.Message);
        }
    }

    [Fact]
    public async Task A_job_that_never_finishes_times_out_with_a_TimeoutException_not_a_cancellation()
    {
        using var h = new Harness(x => new FakeJobServer(x.Clock, TimeSpan.FromHours(1)).Handler());

        var ex = await Assert.ThrowsAsync<ApiframeTimeoutException>(() => h.Run(h.Client.WaitForCompletionAsync("job-1", timeout: TimeSpan.FromSeconds(30))));

        Assert.IsAssignableFrom<TimeoutException>(ex);
        Assert.Equal("job-1", ex.JobId);
        Assert.False(ex.LastSeen?.Status.IsTerminal ?? true);
        Assert.Equal(TimeSpan.FromSeconds(30), h.Clock.Elapsed);
    }

    [Fact]
    public async Task The_default_timeout_is_ten_minutes()
    {
        using var h = new Harness(x => new FakeJobServer(x.Clock, TimeSpan.FromHours(1)).Handler());

        await Assert.ThrowsAsync<ApiframeTimeoutException>(() => h.Run(h.Client.GenerateAsync(new TestRequest("p"))));

        Assert.Equal(TimeSpan.FromMinutes(10), h.Clock.Elapsed);
    }

    [Fact]
    public async Task Caller_cancellation_is_an_OperationCanceledException_not_a_timeout()
    {
        using var cts = new CancellationTokenSource();
        using var h = new Harness(x => new FakeJobServer(x.Clock, TimeSpan.FromHours(1)).Handler());
        var progress = new ListProgress<ApiframeJob>(_ => cts.Cancel());

        var ex = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => h.Run(h.Client.WaitForCompletionAsync("job-1", progress, timeout: TimeSpan.FromSeconds(30), cancellationToken: cts.Token)));

        Assert.IsNotAssignableFrom<TimeoutException>(ex);
        Assert.Equal(cts.Token, ex.CancellationToken);
        Assert.Single(progress.Reports);
    }

    [Fact]
    public async Task An_idempotent_replay_of_a_finished_job_is_read_without_waiting()
    {
        using var h = new Harness(x => new FakeJobServer(x.Clock, TimeSpan.Zero) { SubmitStatus = "COMPLETED" }.Handler());

        var job = await h.Run(h.Client.GenerateAsync(new TestRequest("p"), "replayed-key"));

        Assert.Equal(ApiframeJobStatus.Completed, job.Status);
        Assert.Equal(TimeSpan.Zero, h.Clock.Elapsed);
        Assert.Equal("replayed-key", h.Handler.Requests[0].Header("Idempotency-Key"));
    }

    [Fact]
    public async Task The_design_samples_call_shape_compiles_and_completes()
    {
        using var cts = new CancellationTokenSource();
        using var h = new Harness(x => new FakeJobServer(x.Clock, TimeSpan.FromSeconds(9)).Handler());

        // GenerateAsync(request, cancellationToken), exactly as README/DESIGN show it.
        var job = await h.Run(h.Client.GenerateAsync(new TestRequest("a red umbrella in Tokyo rain"), cts.Token));

        Assert.Equal(ApiframeJobStatus.Completed, job.Status);
    }

    [Fact]
    public void Poll_schedule_first_at_estimate_then_backoff_to_the_cap()
    {
        var schedule = new ApiframePollSchedule(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5), 1.5);

        var delays = new List<double>();
        for (var i = 0; i < 7; i++)
        {
            delays.Add(schedule.NextDelay().TotalSeconds);
        }

        Assert.Equal(new[] { 10, 1, 1.5, 2.25, 3.375, 5, 5 }, delays);
    }
}
