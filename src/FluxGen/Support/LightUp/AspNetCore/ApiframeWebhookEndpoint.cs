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
    private const int MaxBodyBytes = 256 * 1024;

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

        // The signature is an HMAC of the exact bytes, so a redelivery of the same event carries the same one.
        var deliveryId = Normalize(signature);
        if (!_inbox.Publish(webhookEvent, deliveryId))
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
            throw;
        }

        context.Response.StatusCode = StatusCodes.Status200OK;
    }

    // The key can come from the environment, so the verifier is made at the first delivery, not at mapping time.
    private ApiframeWebhookVerifier Verifier()
    {
        if (_verifier is { } verifier)
        {
            return verifier;
        }

        var key = _options.Value.ApiKey;
        if (string.IsNullOrWhiteSpace(key))
        {
            key = Environment.GetEnvironmentVariable(ApiframeClientOptions.ApiKeyEnvironmentVariable);
        }

        if (string.IsNullOrWhiteSpace(key))
        {
            throw new InvalidOperationException($"The Apiframe webhook endpoint has no API key to verify signatures with: set Apiframe:ApiKey or {ApiframeClientOptions.ApiKeyEnvironmentVariable}.");
        }

        return _verifier = new ApiframeWebhookVerifier(key);
    }

    private static string Normalize(string signature)
    {
        var text = signature.Trim();
        if (text.StartsWith("sha256=", StringComparison.OrdinalIgnoreCase))
        {
            text = text.Substring("sha256=".Length);
        }

        return text.ToLowerInvariant();
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
