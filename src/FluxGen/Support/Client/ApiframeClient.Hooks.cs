using System;

namespace Apiframe;

// Logging hooks. Their bodies are in the Logging light-up, which FluxGen emits only into projects that reference
// Microsoft.Extensions.Logging.Abstractions. Without it they are partial methods with no implementation, which the
// compiler removes together with every call and the evaluation of its arguments: a plain console app needs no
// logging package and pays nothing, not even a null check.
public sealed partial class ApiframeClient
{
    partial void OnSubmitted(string model, string jobId, ApiframeJobStatus status);

    partial void OnRetrying(string operation, string reason, TimeSpan delay, int attempt);

    partial void OnPolled(string jobId, ApiframeJobStatus status, int? progress, int poll);

    partial void OnCompleted(ApiframeJob job, int polls, bool fromWebhook);

    partial void OnFailed(ApiframeException exception);
}
