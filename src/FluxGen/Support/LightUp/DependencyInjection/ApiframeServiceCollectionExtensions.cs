using System;
using System.Net.Http;
using System.Threading;
using Apiframe;
using Apiframe.Webhooks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers <see cref="ApiframeClient"/> as a typed <see cref="HttpClient"/> client.</summary>
public static partial class ApiframeServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="ApiframeClient"/> as a typed client of <c>IHttpClientFactory</c>. Its settings come from the
    /// configuration section <c>Apiframe</c> (<c>Apiframe:ApiKey</c>, <c>Apiframe:BaseAddress</c>, ...) when the
    /// app has configuration, then from <paramref name="configure"/>, and are checked when the host starts. The
    /// primary handler never follows redirects by itself, so the key stays with the API's origin.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Changes applied after the configuration section.</param>
    /// <returns>The client's builder, to add handlers (<c>AddHttpMessageHandler</c>, resilience) to.</returns>
    public static IHttpClientBuilder AddApiframeClient(this IServiceCollection services, Action<ApiframeClientOptions>? configure = null)
    {
        ApiframeArgument.NotNull(services, nameof(services));
        // Factories rather than constructor discovery: nothing here needs reflection, so trimming and AOT are safe.
        services.TryAddSingleton(static _ => new ApiframeWebhookInbox());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IConfigureOptions<ApiframeClientOptions>, ApiframeClientOptionsSetup>(
            static provider => new ApiframeClientOptionsSetup(provider.GetRequiredService<ApiframeWebhookInbox>(), provider.GetService<IConfiguration>())));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ApiframeClientOptions>, ApiframeClientOptionsValidator>(
            static provider => new ApiframeClientOptionsValidator(provider.GetService<IConfiguration>())));
        var options = services.AddOptions<ApiframeClientOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();
        var builder = services
            .AddHttpClient(nameof(ApiframeClient))
            .AddTypedClient(static (http, provider) => new ApiframeClient(
                http,
                provider.GetRequiredService<IOptions<ApiframeClientOptions>>().Value,
                provider.GetService<ILogger<ApiframeClient>>()))
#if FLUXGEN_DOWNLEVEL
            // SocketsHttpHandler is .NET Core 2.1 and later; the factory renews handlers itself on every target.
            .ConfigurePrimaryHttpMessageHandler(static () => new HttpClientHandler { AllowAutoRedirect = false })
#else
            .ConfigurePrimaryHttpMessageHandler(static () => new SocketsHttpHandler { AllowAutoRedirect = false })
#endif
            // Each attempt has its own timeout (AttemptTimeout); the factory's 100 s default would cut downloads short.
            .ConfigureHttpClient(static http => http.Timeout = Timeout.InfiniteTimeSpan);
        OnClientAdded(builder);
        return builder;
    }

    // Implemented by the Resilience light-up (emitted only beside Microsoft.Extensions.Http.Resilience): a partial
    // method without a body is removed by the compiler, call included.
    static partial void OnClientAdded(IHttpClientBuilder builder);
}
