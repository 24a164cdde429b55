namespace FluxGen.Emulator;

/// <summary>One attempt to post a webhook.</summary>
/// <param name="JobId">The job the event is about.</param>
/// <param name="Event"><c>progress</c>, <c>completed</c> or <c>failed</c>.</param>
/// <param name="Url">Where it was posted.</param>
/// <param name="Attempt">1 for the first try, counting up on retries.</param>
/// <param name="StatusCode">The receiver's status code; null when no answer came.</param>
/// <param name="Error">Why no answer came; null otherwise.</param>
/// <param name="Body">The exact bytes posted.</param>
/// <param name="Signature">The <c>X-Webhook-Signature</c> header sent.</param>
public sealed record WebhookDelivery(string JobId, string Event, Uri Url, int Attempt, int? StatusCode, string? Error, byte[] Body, string Signature)
{
    /// <summary>Whether the receiver answered with a 2xx status.</summary>
    public bool Succeeded => StatusCode is >= 200 and < 300;
}
