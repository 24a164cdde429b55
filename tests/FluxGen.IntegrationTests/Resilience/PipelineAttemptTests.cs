using Apiframe;
using FluxGen.Emulator;
using FluxGen.IntegrationTests.Client;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.CircuitBreaker;
using Xunit;
using Xunit.Abstractions;

namespace FluxGen.IntegrationTests.Resilience;

/// <summary>
/// One retry policy per call, whoever owns it: a resilience pipeline on the client's builder and the client's own
/// retries never multiply, and whatever escapes the pipeline is an <see cref="ApiframeException"/>.
/// </summary>
public sealed class PipelineAttemptTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(PipelineSetup.ClientAlone)]
    [InlineData(PipelineSetup.StandardHandler)]
    [InlineData(PipelineSetup.ApiframeResilience)]
    [InlineData(PipelineSetup.CustomPipeline)]
    public async Task Attempts_against_a_server_that_always_answers_503_never_multiply(PipelineSetup setup)
    {
        await using var emulator = await ApiframeEmulator.StartAsync(new EmulatorOptions { TimeScale = 0, FaultRate503 = 1 });
        using var host = PipelineHost.Start(emulator, setup);

        var error = await Assert.ThrowsAsync<ApiframeException>(() => host.Client.SubmitAsync(new Flux11ProRequest("always 503")));
        var submitAttempts = emulator.Requests.Count(r => r.Method == "POST");
        await Assert.ThrowsAsync<ApiframeException>(() => host.Client.GetJobAsync("any-job"));
        var readAttempts = emulator.Requests.Count(r => r.Method == "GET");

        output.WriteLine($"{setup}: {submitAttempts} attempts per submit, {readAttempts} per read (client alone: 3; before this change the standard handler made 12)");

        // MaxRetries = 2: three attempts, whoever makes them (the custom pipeline's own retry also allows 2).
        Assert.Equal(3, submitAttempts);
        Assert.Equal(3, readAttempts);
        Assert.Equal(503, error.StatusCode);
        Assert.NotNull(error.IdempotencyKey);
        Assert.All(emulator.Requests.Where(r => r.Method == "POST"), r => Assert.Equal(error.IdempotencyKey, r.IdempotencyKey));
        Assert.Contains("may exist", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(PipelineSetup.StandardHandler)]
    [InlineData(PipelineSetup.ApiframeResilience)]
    public async Task Apiframes_rules_govern_the_standard_pipeline(PipelineSetup setup)
    {
        await using var emulator = await ApiframeEmulator.StartAsync(new EmulatorOptions { TimeScale = 0 });
        using var host = PipelineHost.Start(emulator, setup);

        // 429 with Retry-After is retried; a 409 (a used key with another body) never is.
        emulator.EnqueueFault(EmulatorFault.TooManyRequests, count: 1, method: "POST");
        var first = await host.Client.SubmitAsync(new Flux11ProRequest("paced"), "rules-key");
        var conflict = await Assert.ThrowsAsync<ApiframeException>(() => host.Client.SubmitAsync(new Flux11ProRequest("another body"), "rules-key"));

        var posts = emulator.Requests.Where(r => r.Method == "POST").ToList();
        output.WriteLine($"{setup}: {posts.Count} POSTs (429 then 202, then one 409)");
        Assert.Equal(3, posts.Count);
        Assert.Equal([429, 202, 409], posts.Select(p => p.StatusCode));
        Assert.Equal(409, conflict.StatusCode);
        Assert.DoesNotContain("may exist", conflict.Message, StringComparison.Ordinal);
        Assert.Single(emulator.Jobs, j => j.Id == first.JobId);
    }

    [Fact]
    public async Task An_open_circuit_reaches_the_caller_as_an_ApiframeException_with_the_original_inside()
    {
        await using var emulator = await ApiframeEmulator.StartAsync(new EmulatorOptions { TimeScale = 0, FaultRate503 = 1 });
        using var host = PipelineHost.Start(emulator, PipelineSetup.CustomPipeline, custom: b => b.AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
        {
            MinimumThroughput = 2,
            FailureRatio = 0.5,
            BreakDuration = TimeSpan.FromMinutes(10),
        }));

        // Two 503s (one attempt each: the pipeline owns retrying) open the breaker; the next calls never leave.
        await Assert.ThrowsAsync<ApiframeException>(() => host.Client.SubmitAsync(new Flux11ProRequest("one")));
        await Assert.ThrowsAsync<ApiframeException>(() => host.Client.SubmitAsync(new Flux11ProRequest("two")));
        var submit = await Assert.ThrowsAsync<ApiframeException>(() => host.Client.SubmitAsync(new Flux11ProRequest("rejected")));
        var read = await Assert.ThrowsAsync<ApiframeException>(() => host.Client.GetJobAsync("any-job"));
        var generate = await Assert.ThrowsAsync<ApiframeException>(() => host.Client.GenerateAsync(new Flux11ProRequest("rejected too"), "breaker-key"));

        output.WriteLine(submit.Message);
        Assert.Equal(2, emulator.Requests.Count);
        Assert.IsType<BrokenCircuitException>(submit.InnerException);
        Assert.IsType<BrokenCircuitException>(read.InnerException);
        Assert.IsType<BrokenCircuitException>(generate.InnerException);
        Assert.NotNull(submit.IdempotencyKey);
        Assert.Equal("breaker-key", generate.IdempotencyKey);
        Assert.Null(read.IdempotencyKey);
    }

    [Fact]
    public async Task Failing_polls_never_open_the_breaker_and_an_open_breaker_never_fails_a_healthy_wait()
    {
        await using var emulator = await ApiframeEmulator.StartAsync(new EmulatorOptions { TimeScale = 1 / ClientFixture.Speedup });

        // The app's breaker settings win over Apiframe's: it opens at 10% failures, judges after two calls and stays
        // open for 30 s.
        using var host = PipelineHost.Start(emulator, PipelineSetup.StandardHandler, standard: o =>
        {
            o.CircuitBreaker.FailureRatio = 0.1;
            o.CircuitBreaker.MinimumThroughput = 2;
            o.CircuitBreaker.BreakDuration = TimeSpan.FromSeconds(30);
        });

        // Six 503s to polls (two polls' worth of attempts): the wait goes on, and the breaker stays closed.
        emulator.EnqueueFault(EmulatorFault.ServiceUnavailable, count: 6, method: "GET");
        var polled = await host.Client.GenerateAsync(new Flux11ProRequest("polls fail"));
        var afterPolls = await host.Client.SubmitAsync(new Flux11ProRequest("breaker still closed"));

        // Now submissions fail until the breaker opens, while another job's wait is under way.
        var submitted = await host.Client.SubmitAsync(new Flux11ProRequest("healthy wait"));
        var waiting = host.Client.WaitForCompletionAsync(submitted.JobId);
        emulator.EnqueueFault(EmulatorFault.ServiceUnavailable, count: 3, method: "POST");
        await Assert.ThrowsAsync<ApiframeException>(() => host.Client.SubmitAsync(new Flux11ProRequest("fails three times")));
        var rejected = await Assert.ThrowsAsync<ApiframeException>(() => host.Client.SubmitAsync(new Flux11ProRequest("breaker open")));
        var healthy = await waiting;

        var pollsOfHealthy = PollsFor(emulator, healthy.Id);
        output.WriteLine($"6 failed poll attempts: wait completed, breaker stayed closed; the healthy wait completed with {pollsOfHealthy} poll(s) reaching the server, its others met the open breaker");
        Assert.Equal(ApiframeJobStatus.Completed, polled.Status);
        Assert.False(string.IsNullOrEmpty(afterPolls.JobId));
        Assert.IsType<BrokenCircuitException>(rejected.InnerException);
        Assert.Equal(ApiframeJobStatus.Completed, healthy.Status);
    }

    private static int PollsFor(ApiframeEmulator emulator, string jobId) =>
        emulator.Requests.Count(r => r.Method == "GET" && r.Path.EndsWith("/v2/jobs/" + jobId, StringComparison.Ordinal));
}
