namespace FluxGen.Emulator;

/// <summary>One request the emulator received, for tests that count calls, retries and replays.</summary>
/// <param name="Method">The HTTP method.</param>
/// <param name="Path">The path, without the query.</param>
/// <param name="Query">The query string including its <c>?</c>, or empty.</param>
/// <param name="StatusCode">The status answered; 0 when no reply was sent (connection dropped, or still being handled).</param>
/// <param name="ApiKey">The <c>X-API-Key</c> sent, if any.</param>
/// <param name="IdempotencyKey">The <c>Idempotency-Key</c> sent, if any.</param>
/// <param name="RequestId">The <c>x-request-id</c> the emulator answered with.</param>
/// <param name="Fault">The fault injected into this request, if any.</param>
/// <param name="JobId">The job a submit created or replayed, if any.</param>
public sealed record RecordedRequest(
    string Method,
    string Path,
    string Query,
    int StatusCode,
    string? ApiKey,
    string? IdempotencyKey,
    string RequestId,
    EmulatorFault? Fault,
    string? JobId);
