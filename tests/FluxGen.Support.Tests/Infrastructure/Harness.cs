using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Apiframe;

namespace FluxGen.Support.Tests.Infrastructure;

/// <summary>A client wired to a fake server and a manual clock.</summary>
public sealed class Harness : IDisposable
{
    public const string ApiKey = "afk_secret_key_1234567890";

    // What Drive has already acted on, so that a later Run on the same harness only waits for new activity.
    private long _firedAt;
    private int _parkedSeen;

    public Harness(Func<Harness, FakeHttpHandler> server, Action<ApiframeClientOptions>? configure = null)
    {
        Options = new ApiframeClientOptions
        {
            ApiKey = ApiKey,
            BaseAddress = new Uri("https://api.test/"),
            TimeProvider = Clock,
            Random = new Random(1234),
        };
        configure?.Invoke(Options);
        Handler = server(this);
        HttpClient = new HttpClient(Handler);
        Client = new ApiframeClient(HttpClient, Options);
    }

    public ManualTimeProvider Clock { get; } = new();

    public ApiframeClientOptions Options { get; }

    public FakeHttpHandler Handler { get; }

    public HttpClient HttpClient { get; }

    public ApiframeClient Client { get; }

    /// <summary>Runs the clock from timer to timer until the task is done; no real time passes.</summary>
    public async Task<T> Run<T>(Task<T> task)
    {
        await Drive(task);
        return await task;
    }

    /// <inheritdoc cref="Run{T}(Task{T})"/>
    public async Task Run(Task task)
    {
        await Drive(task);
        await task;
    }

    public void Dispose() => HttpClient.Dispose();

    // Fires timers one at a time, each only once the code under test is waiting again: the task is done, or it
    // has set a new Task.Delay timer, or a fake request has parked. Real time only passes while other threads
    // catch up, never to stand in for simulated time.
    private async Task Drive(Task task)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        var parked = _parkedSeen;
        while (true)
        {
            while (!task.IsCompleted && !Clock.HasDelaySince(_firedAt) && Handler.Parked == parked)
            {
                if (DateTime.UtcNow > deadline)
                {
                    throw new InvalidOperationException("The task neither finished nor started waiting.");
                }

                var changed = Clock.Changed;
                if (task.IsCompleted || Clock.HasDelaySince(_firedAt) || Handler.Parked != parked)
                {
                    break;
                }

                await Task.WhenAny(task, changed, Task.Delay(50)).ConfigureAwait(false);
            }

            if (task.IsCompleted)
            {
                return;
            }

            parked = _parkedSeen = Handler.Parked;
            _firedAt = Clock.Sequence;
            if (!Clock.FireNext())
            {
                throw new InvalidOperationException("The task waits on something other than the clock.");
            }
        }
    }
}
