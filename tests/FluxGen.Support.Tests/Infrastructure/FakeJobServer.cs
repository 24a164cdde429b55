using System;
using System.Globalization;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace FluxGen.Support.Tests.Infrastructure;

/// <summary>
/// One job on a fake clock: it is created at the start (or when submitted), makes progress, and ends as
/// <see cref="FinalStatus"/> once <see cref="Duration"/> has passed.
/// </summary>
public sealed class FakeJobServer
{
    private readonly ManualTimeProvider _clock;
    private DateTimeOffset _startedAt;
    private int _polls;

    public FakeJobServer(ManualTimeProvider clock, TimeSpan duration)
    {
        _clock = clock;
        _startedAt = clock.GetUtcNow();
        Duration = duration;
    }

    public TimeSpan Duration { get; }

    public string FinalStatus { get; init; } = "COMPLETED";

    public string? FinalError { get; init; }

    public string SubmitStatus { get; init; } = "QUEUED";

    public int Polls => _polls;

    public FakeHttpHandler Handler() => new(_clock, (request, _) => Task.FromResult(Answer(request)));

    private HttpResponseMessage Answer(RecordedRequest request)
    {
        if (request.Method == HttpMethod.Post)
        {
            _startedAt = _clock.GetUtcNow();
            return FakeHttpHandler.Json(HttpStatusCode.Accepted, $$"""{"jobId":"job-1","status":"{{SubmitStatus}}"}""");
        }

        Interlocked.Increment(ref _polls);
        var elapsed = _clock.GetUtcNow() - _startedAt;
        if (elapsed < Duration)
        {
            var progress = (int)(100 * elapsed.Ticks / Duration.Ticks);
            var status = progress == 0 ? "QUEUED" : "PROCESSING";
            return FakeHttpHandler.Json(HttpStatusCode.OK, $$"""{"id":"job-1","status":"{{status}}","progress":{{progress.ToString(CultureInfo.InvariantCulture)}},"result":null,"error":null}""");
        }

        var error = FinalError is null ? "null" : "\"" + FinalError + "\"";
        var result = FinalStatus == "COMPLETED" ? """{"images":["https://cdn.test/job-1/0.jpg"]}""" : "null";
        return FakeHttpHandler.Json(HttpStatusCode.OK, $$"""{"id":"job-1","status":"{{FinalStatus}}","progress":100,"result":{{result}},"error":{{error}},"creditCost":0}""");
    }
}
