using Apiframe;
using FluxGen.Emulator;
using Xunit;

namespace FluxGen.IntegrationTests.Client;

/// <summary>Every error reply of the API maps to <see cref="ApiframeException"/> with the fields that matter.</summary>
public class ErrorTests
{
    [Fact]
    public async Task A400CarriesTheServersDetailsByJsonPath()
    {
        await using var fixture = await ClientFixture.StartAsync(e => e.TimeScale = 0);
        var client = fixture.NewClient(o => o.ValidateRequests = false);

        // Deliberately invalid constants: the analyzer flags them at compile time; this test is about run time.
#pragma warning disable FLUX001, FLUX002, FLUX003, FLUX006, FLUX050
        var error = await Assert.ThrowsAsync<ApiframeException>(() => client.SubmitAsync(new Flux11ProRequest("p") { FluxParams = new() { OutputQuality = 101, ImagePromptStrength = 0.33 } }));
#pragma warning restore FLUX001, FLUX002, FLUX003, FLUX006, FLUX050

        Assert.Equal(400, error.StatusCode);
        Assert.Contains("fluxParams.output_quality", error.Details.Keys);
        Assert.Contains("fluxParams.image_prompt_strength", error.Details.Keys);
        Assert.StartsWith("req_emu_", error.RequestId);
    }

    [Fact]
    public async Task A401ForAKeyOfTheWrongShapeNeverShowsTheKey()
    {
        await using var fixture = await ClientFixture.StartAsync(e => e.TimeScale = 0);
        const string Key = "sk_wrong_shape_secret";
        var client = fixture.NewClient(o => o.ApiKey = Key);

        var error = await Assert.ThrowsAsync<ApiframeException>(() => client.SubmitAsync(new Flux11ProRequest("p")));

        Assert.Equal(401, error.StatusCode);
        Assert.DoesNotContain(Key, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoKeyAtAllFailsBeforeAnyHttpCall()
    {
        await using var fixture = await ClientFixture.StartAsync(e => e.TimeScale = 0);
        var previous = Environment.GetEnvironmentVariable("APIFRAME_API_KEY");
        Assert.True(previous is null, "Unset APIFRAME_API_KEY to run this test: it checks the client without any key.");
        var client = fixture.NewClient(o => o.ApiKey = null);

        await Assert.ThrowsAsync<InvalidOperationException>(() => client.SubmitAsync(new Flux11ProRequest("p")));

        Assert.Empty(fixture.Emulator.Requests);
    }

    [Fact]
    public async Task A403ForAnInactiveKey()
    {
        await using var fixture = await ClientFixture.StartAsync(e => { e.TimeScale = 0; e.InactiveKeys.Add(ClientFixture.Key); });

        var error = await Assert.ThrowsAsync<ApiframeException>(() => fixture.Client.SubmitAsync(new Flux11ProRequest("p")));

        Assert.Equal(403, error.StatusCode);
        Assert.DoesNotContain(ClientFixture.Key, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A402CarriesTheCreditFigures()
    {
        await using var fixture = await ClientFixture.StartAsync(e => { e.TimeScale = 0; e.CreditBalance = 0; });

        var error = await Assert.ThrowsAsync<ApiframeException>(() => fixture.Client.SubmitAsync(new Flux11ProRequest("p")));

        Assert.Equal(402, error.StatusCode);
        Assert.Equal(1, error.CreditsRequired);
        Assert.Equal(0, error.CreditsAvailable);
    }

    [Fact]
    public async Task A404ForAnUnknownJob()
    {
        await using var fixture = await ClientFixture.StartAsync(e => e.TimeScale = 0);

        var error = await Assert.ThrowsAsync<ApiframeException>(() => fixture.Client.GetJobAsync("00000000-0000-0000-0000-000000000000"));

        Assert.Equal(404, error.StatusCode);
        Assert.False(string.IsNullOrEmpty(error.Error));
    }

    [Fact]
    public async Task A409ForTheSameIdempotencyKeyWithAnotherBody()
    {
        await using var fixture = await ClientFixture.StartAsync(e => e.TimeScale = 0);
        await fixture.Client.SubmitAsync(new Flux11ProRequest("first"), idempotencyKey: "same-key");

        var error = await Assert.ThrowsAsync<ApiframeException>(() => fixture.Client.SubmitAsync(new Flux11ProRequest("second"), idempotencyKey: "same-key"));

        Assert.Equal(409, error.StatusCode);
        Assert.Single(fixture.Emulator.Jobs);
    }

    [Fact]
    public async Task AFailedJobRaisesWithTheServersReason()
    {
        await using var fixture = await ClientFixture.StartAsync(e => e.JobFailureReason = "NSFW content detected");
        fixture.Emulator.EnqueueFault(EmulatorFault.FailJob);

        var error = await Assert.ThrowsAsync<ApiframeException>(() => fixture.Client.GenerateAsync(new Flux11ProRequest("p")));

        Assert.Contains("NSFW content detected", error.Message, StringComparison.Ordinal);
        Assert.Equal(ApiframeJobStatus.Failed, error.Job!.Status);
        Assert.Empty(fixture.Emulator.Ledger.Entries);
    }

    [Fact]
    public async Task TimeoutAndCancellationAreDistinct()
    {
        await using var fixture = await ClientFixture.StartAsync(e => e.SlowJobFactor = 50);
        fixture.Emulator.EnqueueFault(EmulatorFault.SlowJob, count: 2);
        var slow = await fixture.Client.SubmitAsync(new Flux11ProRequest("slow"));

        var timeout = await Assert.ThrowsAsync<ApiframeTimeoutException>(() => fixture.Client.WaitForCompletionAsync(slow.JobId, timeout: TimeSpan.FromSeconds(15)));
        Assert.Equal(slow.JobId, timeout.JobId);

        using var cancellation = new CancellationTokenSource();
        var waiting = fixture.Client.WaitForCompletionAsync(slow.JobId, cancellationToken: cancellation.Token);
        cancellation.Cancel();
        var cancelled = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        Assert.Equal(cancellation.Token, cancelled.CancellationToken);
        Assert.IsNotType<ApiframeTimeoutException>(cancelled);
    }
}
