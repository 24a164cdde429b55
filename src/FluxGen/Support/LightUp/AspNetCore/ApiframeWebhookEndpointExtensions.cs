using System;
using Apiframe;
using Apiframe.Webhooks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps the endpoint Apiframe posts job events to.</summary>
public static class ApiframeWebhookEndpointExtensions
{
    /// <summary>
    /// Maps a POST endpoint at <paramref name="pattern"/> that verifies <c>X-Webhook-Signature</c> over the raw
    /// body with the configured API key (401 when missing or wrong, 400 for a body that is not an event, 200
    /// otherwise), ignores a repeated delivery of the same event, and hands each event to every
    /// <see cref="IApiframeWebhookHandler"/> and to the client's waits. Needs <c>AddApiframeClient</c>; point
    /// <see cref="ApiframeClientOptions.WebhookUrl"/> at this endpoint and waits finish without polling.
    /// </summary>
    /// <param name="endpoints">The app or a route group.</param>
    /// <param name="pattern">The route, for example <c>/hooks/apiframe</c>.</param>
    /// <returns>The endpoint's builder (to add filters or exclude it from authorization, for example).</returns>
    public static IEndpointConventionBuilder MapApiframeWebhooks(this IEndpointRouteBuilder endpoints, string pattern)
    {
        ApiframeArgument.NotNull(endpoints, nameof(endpoints));
        ApiframeArgument.NotNullOrEmpty(pattern, nameof(pattern));
        var services = endpoints.ServiceProvider;
        var inbox = services.GetService<ApiframeWebhookInbox>()
            ?? throw new InvalidOperationException("MapApiframeWebhooks needs services.AddApiframeClient() first.");
        var endpoint = new ApiframeWebhookEndpoint(inbox, services.GetRequiredService<IOptions<ApiframeClientOptions>>());
        inbox.MarkReceiving();

        // A plain RequestDelegate: no parameter binding to generate, so the endpoint is trimming- and AOT-safe.
        return endpoints.MapPost(pattern, (RequestDelegate)endpoint.HandleAsync);
    }
}
