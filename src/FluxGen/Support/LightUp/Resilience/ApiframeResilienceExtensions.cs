using System;
using Apiframe;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

// Emitted only when the project references Microsoft.Extensions.Http.Resilience.
public static partial class ApiframeServiceCollectionExtensions
{
    /// <summary>
    /// Adds Microsoft.Extensions.Http.Resilience's standard pipeline (rate limiter, total timeout, retry, circuit
    /// breaker, attempt timeout) to the Apiframe client, with Apiframe's rules: as many attempts as
    /// <see cref="ApiframeClientOptions.MaxRetries"/> allows, <c>Retry-After</c> honoured up to
    /// <see cref="ApiframeClientOptions.MaxRetryAfter"/>, a submission retried only with its <c>Idempotency-Key</c>,
    /// 400/401/402/409 never retried, and job polls never counted by the circuit breaker. The client then leaves
    /// retrying to the pipeline, so attempts never multiply. On the builder from <c>AddApiframeClient</c>, a plain
    /// <c>AddStandardResilienceHandler()</c> gets the same rules; this method says so where it is written.
    /// </summary>
    /// <param name="builder">The client's builder, usually from <c>AddApiframeClient</c>.</param>
    /// <returns>The pipeline's builder: <c>Configure</c> on it runs after Apiframe's rules and wins over them.</returns>
    public static IHttpStandardResiliencePipelineBuilder AddApiframeResilience(this IHttpClientBuilder builder)
    {
        ApiframeArgument.NotNull(builder, nameof(builder));
        if (builder.Name != nameof(ApiframeClient))
        {
            // A builder of the app's own, with an ApiframeClient made over its HttpClient: AddApiframeClient did
            // not put the marker on it.
            builder.AddHttpMessageHandler(static () => new ApiframePipelineMarkerHandler());
            ConfigureApiframeRules(builder);
        }

        return builder.AddStandardResilienceHandler();
    }

    static partial void OnClientAdded(IHttpClientBuilder builder)
    {
        // First on the builder, so outermost: it sees any pipeline the app adds after AddApiframeClient.
        builder.AddHttpMessageHandler(static () => new ApiframePipelineMarkerHandler());
        ConfigureApiframeRules(builder);
    }

    // The standard pipeline's options are named "<client>-standard". Registered before the app's own Configure
    // calls, so the app's settings win over Apiframe's rules.
    private static void ConfigureApiframeRules(IHttpClientBuilder builder) =>
        builder.Services
            .AddOptions<HttpStandardResilienceOptions>(builder.Name + "-standard")
            .Configure<IOptions<ApiframeClientOptions>>(static (options, client) => ApiframeResilienceRules.Apply(options, client.Value));
}
