using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Apiframe;
using FluxGen.Emulator;
using FluxGen.IntegrationTests.Client;
using Xunit;

namespace FluxGen.IntegrationTests.Telemetry;

[CollectionDefinition(nameof(TelemetryCollection), DisableParallelization = true)]
public sealed class TelemetryCollection
{
}

/// <summary>
/// Traces and metrics seen through the BCL's own listeners. The collection runs alone, so the counts are exactly
/// this test's.
/// </summary>
[Collection(nameof(TelemetryCollection))]
public sealed class TelemetryTests
{
    [Fact]
    public async Task Submit_wait_and_download_are_traced_and_counted_without_the_key()
    {
        await using var emulator = await ApiframeEmulator.StartAsync(new EmulatorOptions { TimeScale = 1 / ClientFixture.Speedup });
        var activities = new ConcurrentQueue<Activity>();
        using var activityListener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == ApiframeDiagnostics.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activities.Enqueue,
        };
        ActivitySource.AddActivityListener(activityListener);
        var measurements = new ConcurrentQueue<(string Instrument, double Value, KeyValuePair<string, object?>[] Tags)>();
        using var meterListener = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == ApiframeDiagnostics.Name)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        meterListener.SetMeasurementEventCallback<long>((i, v, tags, _) => measurements.Enqueue((i.Name, v, tags.ToArray())));
        meterListener.SetMeasurementEventCallback<double>((i, v, tags, _) => measurements.Enqueue((i.Name, v, tags.ToArray())));
        meterListener.Start();

        emulator.EnqueueFault(EmulatorFault.ServiceUnavailable);
        using var client = new ApiframeClient(new ApiframeClientOptions
        {
            ApiKey = ClientFixture.Key,
            BaseAddress = emulator.BaseAddress,
            TimeProvider = new ScaledTimeProvider(ClientFixture.Speedup),
        });
        var job = await client.GenerateAsync(new Flux11ProRequest("traced"));
        await using (var image = await client.DownloadAsync(job.Images[0]))
        {
            await image.CopyToAsync(Stream.Null);
        }

        var polls = emulator.Requests.Count(r => r.Method == "GET" && r.Path.EndsWith("/v2/jobs/" + job.Id, StringComparison.Ordinal));
        var sent = emulator.Requests.Count;

        var submit = Assert.Single(activities, a => a.OperationName == "Apiframe.Submit");
        Assert.Equal("flux-1.1-pro", submit.GetTagItem("apiframe.model"));
        Assert.Equal(job.Id, submit.GetTagItem("apiframe.job.id"));
        Assert.Equal(2, submit.GetTagItem("apiframe.attempts")); // the 503, then the accepted submit
        var wait = Assert.Single(activities, a => a.OperationName == "Apiframe.Wait");
        Assert.Equal(job.Id, wait.GetTagItem("apiframe.job.id"));
        Assert.Equal("COMPLETED", wait.GetTagItem("apiframe.job.status"));
        Assert.Equal(job.CreditCost, wait.GetTagItem("apiframe.credits"));
        Assert.Equal(polls, wait.GetTagItem("apiframe.polls"));
        Assert.Single(activities, a => a.OperationName == "Apiframe.Download" && a.Status != ActivityStatusCode.Error);
        Assert.All(activities, a => Assert.All(a.TagObjects, t => Assert.DoesNotContain(ClientFixture.Key, t.Value?.ToString() ?? string.Empty, StringComparison.Ordinal)));

        long Sum(string name) => (long)measurements.Where(m => m.Instrument == name).Sum(m => m.Value);
        Assert.Equal(sent, Sum(ApiframeDiagnostics.RequestsCounter));
        Assert.Equal(1, Sum(ApiframeDiagnostics.RetriesCounter));
        Assert.Equal(polls, Sum(ApiframeDiagnostics.PollsCounter));
        Assert.Equal(job.CreditCost, (int)Sum(ApiframeDiagnostics.CreditsCounter));
        var duration = Assert.Single(measurements, m => m.Instrument == ApiframeDiagnostics.JobDurationHistogram);
        Assert.True(duration.Value > 0);
        Assert.Contains(duration.Tags, t => t.Key == "apiframe.model" && (string?)t.Value == "flux-1.1-pro");
    }
}
