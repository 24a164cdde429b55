using Apiframe;
using FluxGen.Emulator;
using Xunit;
using Xunit.Abstractions;

namespace FluxGen.IntegrationTests.Client;

/// <summary>Under injected 429s, 503s and dropped connections, every generation completes and none is billed twice.</summary>
public class ResilienceTests(ITestOutputHelper output)
{
    [Fact]
    public async Task TwoHundredConcurrentGenerationsAllCompleteAndAreBilledExactlyOnce()
    {
        const int Jobs = 200;
        await using var fixture = await ClientFixture.StartAsync(
            e =>
            {
                e.Seed = 7;
                e.FaultRate429 = 0.10;
                e.FaultRate503 = 0.10;
                e.DropConnectionRate = 0.05;
                e.DropAfterCreateRate = 0.10;
            },
            c => c.MaxRetries = 12);

        var jobs = await Task.WhenAll(Enumerable.Range(0, Jobs).Select(i =>
            fixture.Client.GenerateAsync(new Flux11ProRequest($"concurrent {i}") { FluxParams = new() { Seed = i } })));

        Assert.All(jobs, job => Assert.Equal(ApiframeJobStatus.Completed, job.Status));
        Assert.Equal(Jobs, jobs.Select(j => j.Id).Distinct().Count());
        var ledger = fixture.Emulator.Ledger;
        Assert.Equal(Jobs, ledger.Entries.Count);
        Assert.All(jobs, job => Assert.Equal(1, ledger.ChargesFor(job.Id)));
        Assert.Equal(Jobs, fixture.Emulator.Jobs.Count);

        var requests = fixture.Emulator.Requests;
        var faults = requests.Where(r => r.Fault is not null).GroupBy(r => r.Fault!.Value).ToDictionary(g => g.Key, g => g.Count());
        var submits = requests.Count(r => r.Method == "POST");
        output.WriteLine($"{Jobs} jobs, {requests.Count} requests ({submits} submits, {requests.Count - submits} polls), faults injected: "
            + string.Join(", ", faults.Select(f => $"{f.Key} {f.Value}")) + $"; ledger {ledger.Entries.Count} entries, {ledger.TotalCredits} credits");
        Assert.True(faults.GetValueOrDefault(EmulatorFault.TooManyRequests) > 0);
        Assert.True(faults.GetValueOrDefault(EmulatorFault.ServiceUnavailable) > 0);
        Assert.True(faults.GetValueOrDefault(EmulatorFault.DropConnection) > 0);
        Assert.True(faults.GetValueOrDefault(EmulatorFault.DropAfterCreate) > 0);
    }

    [Fact]
    public async Task ARetriedSubmitCarriesTheSameIdempotencyKey()
    {
        await using var fixture = await ClientFixture.StartAsync(e => e.TimeScale = 0);
        fixture.Emulator.EnqueueFault(EmulatorFault.DropAfterCreate, count: 1, method: "POST");
        fixture.Emulator.EnqueueFault(EmulatorFault.ServiceUnavailable, count: 1, method: "POST");

        var submission = await fixture.Client.SubmitAsync(new Flux11ProRequest("retry me"));

        var posts = fixture.Emulator.Requests.Where(r => r.Method == "POST").ToList();
        Assert.Equal(3, posts.Count);
        Assert.Single(posts.Select(p => p.IdempotencyKey).Distinct());
        Assert.Equal(submission.IdempotencyKey, posts[0].IdempotencyKey);
        Assert.Single(fixture.Emulator.Jobs);
    }

    [Fact]
    public async Task WithRetriesOffAFaultSurfacesAsTheTypedException()
    {
        await using var fixture = await ClientFixture.StartAsync(e => e.TimeScale = 0, c => c.MaxRetries = 0);
        fixture.Emulator.EnqueueFault(EmulatorFault.TooManyRequests, count: 1);

        var error = await Assert.ThrowsAsync<ApiframeException>(() => fixture.Client.SubmitAsync(new Flux11ProRequest("no retry")));

        Assert.Equal(429, error.StatusCode);
        Assert.NotNull(error.RetryAfter);
        Assert.Single(fixture.Emulator.Requests);
    }
}
