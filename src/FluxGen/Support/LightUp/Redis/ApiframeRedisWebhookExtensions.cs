using System;
using System.Threading.Tasks;
using Apiframe.Webhooks;
using Microsoft.Extensions.DependencyInjection.Extensions;
using StackExchange.Redis;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Shares webhook deliveries among several instances of an app through Redis.</summary>
public static class ApiframeRedisWebhookExtensions
{
    /// <summary>
    /// Relays every verified webhook delivery through Redis, so a wait on any instance finishes from an event that
    /// reached another (0 polls), an event that came before its wait is kept for at least
    /// <see cref="Apiframe.ApiframeClientOptions.PollTimeout"/>, and a delivery received twice is handled once across
    /// the instances. Every instance verifies each relayed delivery's signature itself. While Redis cannot be reached,
    /// webhooks are still answered and handled by the instance that receives them, waits elsewhere fall back to
    /// polling, one warning is logged, and the relay resumes by itself when Redis is back. Use with
    /// <c>AddApiframeClient</c> (and <c>MapApiframeWebhooks</c> on the instances that receive webhooks).
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configuration">A StackExchange.Redis configuration string, for example <c>redis:6379</c>.</param>
    /// <returns>The services, for chaining.</returns>
    /// <exception cref="ArgumentException"><paramref name="configuration"/> is not a valid configuration string.</exception>
    public static IServiceCollection AddApiframeRedisWebhooks(this IServiceCollection services, string configuration)
    {
        Apiframe.ApiframeArgument.NotNull(services, nameof(services));
        Apiframe.ApiframeArgument.NotNullOrWhiteSpace(configuration, nameof(configuration));
        var options = ConfigurationOptions.Parse(configuration);

        // A start with Redis away must not fail the app, and while it is away a webhook must be answered and a wait
        // must fall back at once, not after commands queued for it time out.
        options.AbortOnConnectFail = false;
        options.BacklogPolicy = BacklogPolicy.FailFast;
        return Add(services, async _ => await ConnectionMultiplexer.ConnectAsync(options).ConfigureAwait(false), ownsConnection: true);
    }

    /// <summary>
    /// Relays webhook deliveries through the Redis connection <paramref name="connection"/> returns (for example one
    /// the app already registers); see <see cref="AddApiframeRedisWebhooks(IServiceCollection, string)"/>. The
    /// connection is the app's: it is not disposed here.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="connection">Returns the connection to use; called once, when the host starts.</param>
    /// <returns>The services, for chaining.</returns>
    public static IServiceCollection AddApiframeRedisWebhooks(this IServiceCollection services, Func<IServiceProvider, IConnectionMultiplexer> connection)
    {
        Apiframe.ApiframeArgument.NotNull(services, nameof(services));
        Apiframe.ApiframeArgument.NotNull(connection, nameof(connection));
        return Add(services, provider => Task.FromResult(connection(provider)), ownsConnection: false);
    }

    private static IServiceCollection Add(IServiceCollection services, Func<IServiceProvider, Task<IConnectionMultiplexer>> connect, bool ownsConnection)
    {
        services.RemoveAll<ApiframeRedisWebhookRelay>();
        services.AddSingleton(provider => new ApiframeRedisWebhookRelay(provider, connect, ownsConnection));

        // The relay's inbox replaces the single-instance one (whichever of this and AddApiframeClient comes first),
        // so the endpoint and every wait go through the relay from the start.
        services.Replace(ServiceDescriptor.Singleton(static provider => provider.GetRequiredService<ApiframeRedisWebhookRelay>().Inbox));
        services.AddHostedService(static provider => provider.GetRequiredService<ApiframeRedisWebhookRelay>());
        return services;
    }
}
