using System.Net.Http.Headers;
using System.Threading.Channels;
using FluxGen.Emulator.Jobs;

namespace FluxGen.Emulator.Webhooks;

/// <summary>
/// Posts each job's webhook events in order, on a queue of its own so a slow receiver never holds up the job, and
/// settles the job's <c>webhookStatus</c> once its last event is out.
/// </summary>
internal sealed class WebhookDispatcher : IAsyncDisposable
{
    private readonly EmulatorOptions _options;
    private readonly HttpClient _http;
    private readonly CancellationTokenSource _stopping = new();
    private readonly object _gate = new();
    private readonly Dictionary<string, Channel<WebhookMessage>> _queues = new();
    private readonly List<Task> _workers = new();
    private readonly List<WebhookDelivery> _deliveries = new();

    public WebhookDispatcher(EmulatorOptions options)
    {
        _options = options;
        _http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(1) })
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
        _http.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("FluxGen.Emulator", "1.0"));
    }

    public IReadOnlyList<WebhookDelivery> Deliveries
    {
        get
        {
            lock (_gate)
            {
                return _deliveries.ToArray();
            }
        }
    }

    /// <summary>Queues an event if the job's subscription includes it.</summary>
    public void Post(EmulatedJob job, string eventName, byte[] body)
    {
        if (job.WebhookUrl is null || !job.WebhookEvents.Contains(eventName))
        {
            return;
        }

        Queue(job).Writer.TryWrite(new WebhookMessage(eventName, body));
    }

    /// <summary>Marks the job's events as complete; its status settles once the queue drains.</summary>
    public void Close(EmulatedJob job)
    {
        if (job.WebhookUrl is not null)
        {
            Queue(job).Writer.TryComplete();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        Task[] workers;
        lock (_gate)
        {
            workers = _workers.ToArray();
        }

        try
        {
            await Task.WhenAll(workers).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopping mid-delivery is expected.
        }

        _http.Dispose();
        _stopping.Dispose();
    }

    private Channel<WebhookMessage> Queue(EmulatedJob job)
    {
        lock (_gate)
        {
            if (!_queues.TryGetValue(job.Id, out var queue))
            {
                queue = Channel.CreateUnbounded<WebhookMessage>(new UnboundedChannelOptions { SingleReader = true });
                _queues[job.Id] = queue;
                _workers.Add(Task.Run(() => DrainAsync(job, queue.Reader)));
            }

            return queue;
        }
    }

    private async Task DrainAsync(EmulatedJob job, ChannelReader<WebhookMessage> reader)
    {
        var allDelivered = true;
        try
        {
            await foreach (var message in reader.ReadAllAsync(_stopping.Token).ConfigureAwait(false))
            {
                allDelivered &= await DeliverAsync(job, message).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            return;
        }

        job.WebhookStatus = allDelivered ? "delivered" : "failed";
        lock (_gate)
        {
            _queues.Remove(job.Id);
        }
    }

    private async Task<bool> DeliverAsync(EmulatedJob job, WebhookMessage message)
    {
        var signature = WebhookSigner.Sign(job.ApiKey, message.Body);
        var attempts = Math.Max(1, _options.WebhookAttempts);
        for (var attempt = 1; attempt <= attempts; attempt++)
        {
            int? status = null;
            string? error = null;
            using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token))
            {
                timeout.CancelAfter(Math.Max(1, _options.WebhookTimeoutMilliseconds));
                try
                {
                    using var request = new HttpRequestMessage(HttpMethod.Post, job.WebhookUrl) { Content = new ByteArrayContent(message.Body) };
                    request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
                    request.Headers.Add("X-Webhook-Event", message.Event);
                    request.Headers.Add("X-Webhook-Signature", signature);
                    request.Headers.Add("X-Apiframe-Emulator", "true");
                    using var response = await _http.SendAsync(request, timeout.Token).ConfigureAwait(false);
                    status = (int)response.StatusCode;
                }
                catch (OperationCanceledException) when (!_stopping.IsCancellationRequested)
                {
                    error = "Timed out.";
                }
                catch (HttpRequestException exception)
                {
                    error = exception.Message;
                }
            }

            var delivery = new WebhookDelivery(job.Id, message.Event, job.WebhookUrl!, attempt, status, error, message.Body, signature);
            lock (_gate)
            {
                _deliveries.Add(delivery);
            }

            if (delivery.Succeeded)
            {
                return true;
            }

            if (attempt < attempts)
            {
                await Task.Delay(Math.Max(0, _options.WebhookRetryDelayMilliseconds), _stopping.Token).ConfigureAwait(false);
            }
        }

        return false;
    }

    private sealed record WebhookMessage(string Event, byte[] Body);
}
