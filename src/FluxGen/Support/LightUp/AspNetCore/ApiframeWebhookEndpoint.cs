using System;
using System.Threading.Tasks;
using Apiframe.Webhooks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Apiframe;

// One webhook delivery: raw bytes read (bounded), signature checked before anything is parsed, duplicates dropped.
internal sealed class ApiframeWebhookEndpoint
{
    // Event bodies are a few hundred bytes; anything near this is not from Apiframe.
    internal const int MaxBodyBytes = 256 * 1024;

    private readonly ApiframeWebhookInbox _inbox;
    private readonly IOptions<ApiframeClientOptions> _options;
    private ApiframeWebhookVerifier? _verifier;

    internal ApiframeWebhookEndpoint(ApiframeWebhookInbox inbox, IOptions<ApiframeClientOptions> options)
    {
        _inbox = inbox;
        _options = options;
    }

    internal async Task HandleAsync(HttpContext context)
    {
        var body = await ReadBodyAsync(context.Request).ConfigureAwait(false);
        if (body is null)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return;
        }

        var signature = context.Request.Headers[ApiframeWebhookVerifier.SignatureHeader].ToString();
        if (!Verifier().Verify(body, signature))
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        ApiframeWebhookEvent webhookEvent;
        try
        {
            webhookEvent = ApiframeWebhookEvent.Parse(body);
        }
        catch (FormatException)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        if (webhookEvent.JobId.Length == 0)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        // Local waits first; then, with a relay, the instances agree on which one runs the handlers (a delivery
        // repeated by the sender or received by two instances is acted on once). When the relay cannot be reached,
        // this instance's own memory of deliveries decides, as with a single instance.
        var deliveryId = ApiframeWebhookVerifier.DeliveryId(signature);
        var fresh = _inbox.Publish(webhookEvent, deliveryId);
        var relay = _inbox.Relay;
        var claim = relay is null ? ApiframeWebhookClaim.Unavailable : await relay.ClaimAndShareAsync(webhookEvent, deliveryId, body, signature).ConfigureAwait(false);
        if (claim == ApiframeWebhookClaim.Unavailable)
        {
            claim = fresh ? ApiframeWebhookClaim.Claimed : ApiframeWebhookClaim.Handled;
        }

        if (claim == ApiframeWebhookClaim.InProgress)
        {
            // Not 200: should the instance handling it fail mid-way, the sender's retry is what gets it handled.
            context.Response.Headers.RetryAfter = "5";
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return;
        }

        if (claim == ApiframeWebhookClaim.Handled)
        {
            context.Response.StatusCode = StatusCodes.Status200OK;
            return;
        }

        try
        {
            foreach (var handler in context.RequestServices.GetServices<IApiframeWebhookHandler>())
            {
                await handler.HandleAsync(webhookEvent, context.RequestAborted).ConfigureAwait(false);
            }
        }
        catch
        {
            // Let the redelivery through: a handler did not see this event to the end.
            _inbox.Forget(deliveryId);
            if (relay is not null)
            {
                await relay.ReleaseAsync(deliveryId).ConfigureAwait(false);
            }

            throw;
        }

        if (relay is not null)
        {
            await relay.CompleteAsync(deliveryId).ConfigureAwait(false);
        }

        context.Response.StatusCode = StatusCodes.Status200OK;
    }

    // The key can come from the environment, so the verifier is made at the first delivery, not at mapping time.
    private ApiframeWebhookVerifier Verifier() => _verifier ??= VerifierFor(_options.Value);

    // The verifier for the configured key, or the environment's; the relay of several instances checks with it too.
    internal static ApiframeWebhookVerifier VerifierFor(ApiframeClientOptions options)
    {
        var key = options.ApiKey;
        if (string.IsNullOrWhiteSpace(key))
        {
            key = Environment.GetEnvironmentVariable(ApiframeClientOptions.ApiKeyEnvironmentVariable);
        }

        if (string.IsNullOrWhiteSpace(key))
        {
            throw new InvalidOperationException($"The Apiframe webhook endpoint has no API key to verify signatures with: set Apiframe:ApiKey or {ApiframeClientOptions.ApiKeyEnvironmentVariable}.");
        }

        return new ApiframeWebhookVerifier(key);
    }

    // The raw bytes exactly as sent (the signature covers them), or null past the cap.
    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request)
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            return null;
        }

        var buffer = new byte[4096];
        var total = 0;
        while (true)
        {
            if (total == buffer.Length)
            {
                if (buffer.Length > MaxBodyBytes)
                {
                    return null;
                }

                Array.Resize(ref buffer, Math.Min(buffer.Length * 2, MaxBodyBytes + 1));
            }

            var read = await request.Body.ReadAsync(buffer.AsMemory(total), request.HttpContext.RequestAborted).ConfigureAwait(false);
            if (read == 0)
            {
                break;
            }

            total += read;
            if (total > MaxBodyBytes)
            {
                return null;
            }
        }

        return buffer.AsSpan(0, total).ToArray();
    }
}
