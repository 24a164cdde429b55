using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Apiframe.Webhooks;

/// <summary>
/// The relay of <c>AddApiframeRedisWebhooks</c>: each verified delivery is claimed once across the instances
/// (<c>SET NX</c> on its delivery id), kept for later waits when it ends a job, and published to every instance,
/// which verifies the signature again before a wait may finish from it. Redis does the distributing; this class only
/// decides what to do when it cannot be reached: keep working locally, warn once, catch up when it is back.
/// </summary>
internal sealed class ApiframeRedisWebhookRelay : ApiframeWebhookRelay, IHostedService, IAsyncDisposable
{
    internal static readonly RedisChannel Channel = RedisChannel.Literal("apiframe:webhooks");

    // What a delivery's claim holds: an instance is running its handlers, or they have seen it to the end.
    private const string Processing = "processing";
    private const string Handled = "handled";

    // A handled claim must outlive the sender's retries, and a kept event the longest wait (PollTimeout) that may
    // want it.
    private static readonly TimeSpan MinimumRetention = TimeSpan.FromMinutes(15);
    private static readonly TimeSpan UnlimitedWaitRetention = TimeSpan.FromDays(1);

    // How long a claim holds while its handlers run: should the instance die mid-way, the delivery is free again
    // after this, and the sender's retry is acted on (at-least-once).
    private static readonly TimeSpan HandlingLease = TimeSpan.FromMinutes(1);

    // While Redis is away, how often to check whether it is back. The multiplexer reconnects by itself and says so
    // (ConnectionRestored), but its events can arrive out of order; this check does not depend on them.
    private static readonly TimeSpan RecoveryCheck = TimeSpan.FromMilliseconds(500);

    private readonly IServiceProvider _services;
    private readonly Func<IServiceProvider, Task<IConnectionMultiplexer>> _connect;
    private readonly bool _ownsConnection;
    private readonly ApiframeRedisRelayBacklog _backlog = new();
    private readonly CancellationTokenSource _stopping = new();
    private ILogger? _logger;
    private ApiframeWebhookVerifier? _verifier;
    private volatile IConnectionMultiplexer? _redis;
    private int _down;
    private int _subscribed;

    internal ApiframeRedisWebhookRelay(IServiceProvider services, Func<IServiceProvider, Task<IConnectionMultiplexer>> connect, bool ownsConnection)
    {
        _services = services;
        _connect = connect;
        _ownsConnection = ownsConnection;
        Inbox = new ApiframeWebhookInbox { Relay = this };
    }

    /// <summary>The inbox this relay feeds, registered in place of the single-instance one.</summary>
    internal ApiframeWebhookInbox Inbox { get; }

    /// <summary>Whether Redis is reachable and this instance hears what the others publish.</summary>
    internal bool IsRelaying =>
        _redis is { IsConnected: true } redis && Volatile.Read(ref _down) == 0 && Volatile.Read(ref _subscribed) == 1 && redis.GetSubscriber().IsConnected(Channel);

    internal static RedisKey EventKey(string jobId) => "apiframe:webhooks:event:" + jobId;

    internal static RedisKey DeliveryKey(string deliveryId) => "apiframe:webhooks:delivery:" + deliveryId;

    // Options are read late: they are configured with the inbox this relay creates, so asking for them in the
    // constructor would go round in a circle.
    private ApiframeClientOptions Options => _services.GetRequiredService<IOptions<ApiframeClientOptions>>().Value;

    private ILogger Logger => _logger ??= _services.GetService<ILoggerFactory>()?.CreateLogger("Apiframe.Webhooks.Redis") ?? NullLogger.Instance;

    /// <inheritdoc/>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var redis = await _connect(_services).ConfigureAwait(false);
        redis.ConnectionFailed += OnConnectionFailed;
        redis.ConnectionRestored += OnConnectionRestored;
        _redis = redis;
        Inbox.MarkReceiving();
        await SubscribeAsync(redis).ConfigureAwait(false);
        if (!redis.IsConnected)
        {
            ReportDown(null);
        }
    }

    /// <inheritdoc/>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _redis, null) is not { } redis)
        {
            return;
        }

        _stopping.Cancel();
        redis.ConnectionFailed -= OnConnectionFailed;
        redis.ConnectionRestored -= OnConnectionRestored;
        try
        {
            await redis.GetSubscriber().UnsubscribeAsync(Channel, OnMessage).ConfigureAwait(false);
        }
        catch (Exception)
        {
            // Redis may be gone already; there is nothing left to unsubscribe from then.
        }

        if (_ownsConnection)
        {
            await redis.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync() => await StopAsync(CancellationToken.None).ConfigureAwait(false);

    public override async ValueTask<ApiframeWebhookClaim> ClaimAndShareAsync(ApiframeWebhookEvent webhookEvent, string deliveryId, ReadOnlyMemory<byte> body, string signature)
    {
        var pending = new ApiframeRedisRelayBacklog.Pending(
            deliveryId,
            ApiframeWebhookInbox.IsFinal(webhookEvent) ? webhookEvent.JobId : null,
            ApiframeRedisRelayMessage.Encode(signature, body.Span));
        if (_redis is not { } redis)
        {
            return ApiframeWebhookClaim.Unavailable;
        }

        if (!redis.IsConnected)
        {
            _backlog.Add(pending);
            ReportDown(null);
            return ApiframeWebhookClaim.Unavailable;
        }

        try
        {
            var claim = await ShareAsync(redis, pending, handledHere: false).ConfigureAwait(false);
            ReportUp();
            return claim;
        }
        catch (Exception ex)
        {
            // Whatever Redis did, the delivery is answered and handled here; it is shared when Redis is back.
            _backlog.Add(pending);
            ReportDown(ex);
            return ApiframeWebhookClaim.Unavailable;
        }
    }

    public override async ValueTask CompleteAsync(string deliveryId)
    {
        if (_redis is not { IsConnected: true } redis)
        {
            return;
        }

        try
        {
            await redis.GetDatabase().StringSetAsync(DeliveryKey(deliveryId), Handled, Retention(), When.Always).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            ReportDown(ex);
        }
    }

    public override async ValueTask ReleaseAsync(string deliveryId)
    {
        if (_redis is not { IsConnected: true } redis)
        {
            return;
        }

        try
        {
            await redis.GetDatabase().KeyDeleteAsync(DeliveryKey(deliveryId)).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            ReportDown(ex);
        }
    }

    public override async Task<ApiframeWebhookEvent?> FindFinalEventAsync(string jobId, CancellationToken cancellationToken)
    {
        if (_redis is not { IsConnected: true } redis)
        {
            return null;
        }

        RedisValue kept;
        try
        {
            kept = await redis.GetDatabase().StringGetAsync(EventKey(jobId)).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            ReportDown(ex);
            return null;
        }

        ReportUp();
        return !kept.IsNull && Open(kept) is { } found && ApiframeWebhookInbox.IsFinal(found.Event) && string.Equals(found.Event.JobId, jobId, StringComparison.Ordinal)
            ? found.Event
            : null;
    }

    // Claim, keep and publish go out together: one round trip, in this order, so a wait that starts between the
    // keep and the publish finds the kept copy. A delivery already handled here (while Redis was away) is recorded
    // as handled rather than claimed.
    private async Task<ApiframeWebhookClaim> ShareAsync(IConnectionMultiplexer redis, ApiframeRedisRelayBacklog.Pending pending, bool handledHere)
    {
        var database = redis.GetDatabase();
        var retention = Retention();
        var key = DeliveryKey(pending.DeliveryId);
        var claim = database.StringSetAsync(key, handledHere ? Handled : Processing, handledHere ? retention : HandlingLease, When.NotExists);
        var holder = database.StringGetAsync(key);
        var keep = pending.FinalJobId is { } jobId ? database.StringSetAsync(EventKey(jobId), pending.Message, retention) : Task.FromResult(true);
        var publish = redis.GetSubscriber().PublishAsync(Channel, pending.Message);
        await Task.WhenAll(claim, holder, keep, publish).ConfigureAwait(false);
        if (await claim.ConfigureAwait(false))
        {
            return ApiframeWebhookClaim.Claimed;
        }

        return await holder.ConfigureAwait(false) == Handled ? ApiframeWebhookClaim.Handled : ApiframeWebhookClaim.InProgress;
    }

    private TimeSpan Retention()
    {
        var longestWait = Options.PollTimeout;
        if (longestWait == Timeout.InfiniteTimeSpan)
        {
            return UnlimitedWaitRetention;
        }

        return longestWait > MinimumRetention ? longestWait : MinimumRetention;
    }

    // Every instance checks each message itself: what is in Redis is trusted no more than the open internet.
    private (ApiframeWebhookEvent Event, string DeliveryId)? Open(ReadOnlyMemory<byte> message)
    {
        if (!ApiframeRedisRelayMessage.TryDecode(message, out var signature, out var body) || Verifier() is not { } verifier || !verifier.Verify(body.Span, signature))
        {
            return null;
        }

        try
        {
            var webhookEvent = ApiframeWebhookEvent.Parse(body.Span);
            return webhookEvent.JobId.Length == 0 ? null : (webhookEvent, ApiframeWebhookVerifier.DeliveryId(signature));
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private ApiframeWebhookVerifier? Verifier()
    {
        try
        {
            return _verifier ??= ApiframeWebhookEndpoint.VerifierFor(Options);
        }
        catch (InvalidOperationException)
        {
            // No key configured: nothing can be verified, so nothing relayed is believed.
            return null;
        }
    }

    private void OnMessage(RedisChannel channel, RedisValue message)
    {
        if (Open(message) is { } relayed)
        {
            Inbox.Publish(relayed.Event, relayed.DeliveryId);
        }
    }

    private async Task SubscribeAsync(IConnectionMultiplexer redis)
    {
        if (Interlocked.CompareExchange(ref _subscribed, 1, 0) != 0)
        {
            return;
        }

        try
        {
            await redis.GetSubscriber().SubscribeAsync(Channel, OnMessage).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            Volatile.Write(ref _subscribed, 0);
            ReportDown(ex);
        }
    }

    // The events are raised on the thread pool, so a failed reconnection attempt can be reported after the
    // connection that followed it is up: only a failure that leaves Redis unreachable counts.
    private void OnConnectionFailed(object? sender, ConnectionFailedEventArgs e)
    {
        if (_redis is not { IsConnected: true })
        {
            ReportDown(e.Exception);
        }
    }

    private void OnConnectionRestored(object? sender, ConnectionFailedEventArgs e) => _ = ProbeAsync();

    // A restored connection is believed only once a command goes through.
    private async Task<bool> ProbeAsync()
    {
        if (_redis is not { IsConnected: true } redis)
        {
            return false;
        }

        try
        {
            await redis.GetDatabase().PingAsync().ConfigureAwait(false);
            await SubscribeAsync(redis).ConfigureAwait(false);
            ReportUp();
            return true;
        }
        catch (Exception)
        {
            return false;
        }
    }

    // Runs for the length of an outage: the relay resumes by itself even when no delivery or wait comes along.
    private async Task RecoverAsync()
    {
        try
        {
            while (Volatile.Read(ref _down) == 1)
            {
                await Task.Delay(RecoveryCheck, _stopping.Token).ConfigureAwait(false);
                if (await ProbeAsync().ConfigureAwait(false))
                {
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The host is stopping.
        }
    }

    // One warning per outage, however many calls fail during it.
    private void ReportDown(Exception? error)
    {
        if (Interlocked.Exchange(ref _down, 1) == 0)
        {
            ApiframeRedisLog.RelayUnavailable(Logger, error);
            _ = RecoverAsync();
        }
    }

    private void ReportUp()
    {
        if (Interlocked.Exchange(ref _down, 0) == 1)
        {
            _ = CatchUpAsync();
        }
    }

    // Shares what came in while Redis was away (claims included, so a repeat elsewhere is not acted on twice).
    private async Task CatchUpAsync()
    {
        var pending = _backlog.Drain();
        for (var i = 0; i < pending.Length; i++)
        {
            try
            {
                if (_redis is not { } redis)
                {
                    return;
                }

                await ShareAsync(redis, pending[i], handledHere: true).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                // Down again: what is left waits for the next time Redis comes back.
                for (var j = i; j < pending.Length; j++)
                {
                    _backlog.Add(pending[j]);
                }

                ReportDown(ex);
                return;
            }
        }

        ApiframeRedisLog.RelayResumed(Logger, pending.Length, null);
    }
}
