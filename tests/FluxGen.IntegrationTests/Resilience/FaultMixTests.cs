using Apiframe;
using FluxGen.Emulator;
using FluxGen.IntegrationTests.Client;
using Polly.CircuitBreaker;
using Xunit;
using Xunit.Abstractions;

namespace FluxGen.IntegrationTests.Resilience;

/// <summary>
/// No billed result out of reach: under 503s and connections dropped after the job was created, every job the
/// emulator created is either returned to the caller or reached through the key its exception carries.
/// </summary>
public sealed class FaultMixTests(ITestOutputHelper output)
{
    private const int Generations = 60;

    [Fact]
    public async Task Sixty_generations_under_the_fault_mix_leave_no_job_out_of_reach_with_or_without_the_standard_handler()
    {
        var alone = await RunAsync(PipelineSetup.ClientAlone);
        var standard = await RunAsync(PipelineSetup.StandardHandler);

        Assert.Equal(0, alone.Orphaned);
        Assert.Equal(0, standard.Orphaned);
        Assert.True(standard.Completed >= alone.Completed, $"with the standard handler {standard.Completed} completed, alone {alone.Completed}");
    }

    [Theory]
    [InlineData(PipelineSetup.ClientAlone)]
    [InlineData(PipelineSetup.StandardHandler)]
    public async Task A_submit_dropped_after_its_job_was_created_is_resumed_by_the_key_its_exception_carries(PipelineSetup setup)
    {
        await using var emulator = await ApiframeEmulator.StartAsync(new EmulatorOptions { TimeScale = 1 / ClientFixture.Speedup });
        using var host = PipelineHost.Start(emulator, setup);

        // Two 503s, then the third attempt creates the job and loses the connection before the 202.
        emulator.EnqueueFault(EmulatorFault.ServiceUnavailable, count: 2, method: "POST");
        emulator.EnqueueFault(EmulatorFault.DropAfterCreate);
        var request = new Flux11ProRequest("dropped after create");
        var error = await Assert.ThrowsAsync<ApiframeException>(() => host.Client.GenerateAsync(request));
        var orphan = Assert.Single(emulator.Jobs);

        var resumed = await host.Client.GenerateAsync(request, error.IdempotencyKey);

        output.WriteLine($"{setup}: {error.Message}");
        Assert.Null(error.StatusCode);
        Assert.Contains("may exist", error.Message, StringComparison.Ordinal);
        Assert.Equal(orphan.IdempotencyKey, error.IdempotencyKey);
        Assert.Equal(orphan.Id, resumed.Id);
        Assert.Equal(ApiframeJobStatus.Completed, resumed.Status);
        Assert.Single(emulator.Jobs);
        Assert.Equal(1, emulator.Ledger.ChargesFor(resumed.Id));
    }

    // 60 generations at once, each under its own key so that its faults come from the key (FaultsByIdempotencyKey)
    // and both set-ups meet the same faults call by call; then the failures are resumed by the key their exception
    // carries, from a new instance of the app (a caller coming back later), and the emulator's jobs are compared
    // with what the caller holds.
    private async Task<MixOutcome> RunAsync(PipelineSetup setup)
    {
        await using var emulator = await ApiframeEmulator.StartAsync(new EmulatorOptions
        {
            TimeScale = 1 / ClientFixture.Speedup,
            Seed = 17,
            FaultRate503 = 0.3,
            DropAfterCreateRate = 0.2,
            FaultsByIdempotencyKey = true,
        });
        var requests = Enumerable.Range(0, Generations).Select(i => new Flux11ProRequest($"fault mix {i}") { FluxParams = new() { Seed = i } }).ToArray();
        (ApiframeJob? Job, Exception? Error)[] outcomes;
        using (var host = PipelineHost.Start(emulator, setup))
        {
            outcomes = await Task.WhenAll(requests.Select(async (request, i) =>
            {
                try
                {
                    return ((ApiframeJob?)await host.Client.GenerateAsync(request, $"mix-{i}"), (Exception?)null);
                }
                catch (Exception ex)
                {
                    return (null, ex);
                }
            }));
        }

        var held = outcomes.Where(o => o.Job is not null).Select(o => o.Job!.Id).ToHashSet();
        var failures = outcomes.Select((o, i) => (o.Error, Index: i)).Where(f => f.Error is not null).ToList();
        var created = emulator.Jobs.Select(j => j.Id).ToList();
        var notReturned = created.Count(id => !held.Contains(id));
        var posts = emulator.Requests.Count(r => r.Method == "POST");
        var reads = emulator.Requests.Count(r => r.Method == "GET");
        var breakerRejections = failures.Count(f => f.Error!.InnerException is BrokenCircuitException);

        // Whatever escaped reached the caller as the one exception type, with the key to come back with.
        Assert.All(failures, f => Assert.Equal(typeof(ApiframeException), f.Error!.GetType()));
        Assert.All(failures, f => Assert.Equal($"mix-{f.Index}", ((ApiframeException)f.Error!).IdempotencyKey));

        emulator.Options.FaultRate503 = 0;
        emulator.Options.DropAfterCreateRate = 0;
        using (var later = PipelineHost.Start(emulator, setup))
        {
            foreach (var (error, index) in failures)
            {
                var job = await later.Client.GenerateAsync(requests[index], ((ApiframeException)error!).IdempotencyKey);
                held.Add(job.Id);
            }
        }

        var jobs = emulator.Jobs;
        var orphaned = jobs.Count(j => !held.Contains(j.Id));
        var completed = outcomes.Count(o => o.Job is not null);
        output.WriteLine(
            $"{setup}: {completed}/{Generations} completed, {failures.Count} failed ({breakerRejections} by an open circuit); " +
            $"{created.Count} jobs created, {notReturned} of them not returned by the first calls; after resuming the {failures.Count} failures by their key: " +
            $"{jobs.Count} jobs, {orphaned} orphaned; {posts} submit attempts, {reads} reads");

        // Never two jobs for one generation, never two charges for one job.
        Assert.Equal(Generations, jobs.Count);
        Assert.Equal(Generations, jobs.Select(j => j.IdempotencyKey).Distinct().Count());
        Assert.All(jobs, j => Assert.Equal(1, emulator.Ledger.ChargesFor(j.Id)));
        return new MixOutcome(completed, orphaned);
    }

    private sealed record MixOutcome(int Completed, int Orphaned);
}
