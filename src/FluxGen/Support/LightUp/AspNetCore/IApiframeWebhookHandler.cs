using System.Threading;
using System.Threading.Tasks;

namespace Apiframe.Webhooks;

/// <summary>
/// Receives every verified, de-duplicated webhook delivery that <c>MapApiframeWebhooks</c> accepts. Register as many
/// as you like in DI; a handler that throws makes the endpoint answer 500, so Apiframe delivers the event again.
/// </summary>
public interface IApiframeWebhookHandler
{
    /// <summary>Handles one event.</summary>
    /// <param name="webhookEvent">The verified event.</param>
    /// <param name="cancellationToken">Fires when the delivery's connection is aborted.</param>
    Task HandleAsync(ApiframeWebhookEvent webhookEvent, CancellationToken cancellationToken);
}
