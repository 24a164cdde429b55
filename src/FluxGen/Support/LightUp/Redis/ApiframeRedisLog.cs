using System;
using Microsoft.Extensions.Logging;

namespace Apiframe;

/// <summary>The log events of the Redis relay that <c>AddApiframeRedisWebhooks</c> adds.</summary>
public static class ApiframeRedisLog
{
    /// <summary>Redis could not be reached: webhooks are handled on the instance that receives them, and waits
    /// elsewhere fall back to polling. Logged once per outage.</summary>
    public static readonly EventId RelayUnavailableEvent = new(7120, "ApiframeRedisRelayUnavailable");

    /// <summary>Redis is reachable again and the relay has resumed.</summary>
    public static readonly EventId RelayResumedEvent = new(7121, "ApiframeRedisRelayResumed");

    // LoggerMessage.Define, as ApiframeLog: cached, no reflection, no logging source generator needed.
    internal static readonly Action<ILogger, Exception?> RelayUnavailable =
        LoggerMessage.Define(LogLevel.Warning, RelayUnavailableEvent, "Apiframe webhook relay: Redis is unavailable; webhooks are handled by the instance that receives them and waits on other instances fall back to polling until it is back");

    internal static readonly Action<ILogger, int, Exception?> RelayResumed =
        LoggerMessage.Define<int>(LogLevel.Information, RelayResumedEvent, "Apiframe webhook relay: Redis is back; relaying again ({Backlog} delivery(ies) received meanwhile shared)");
}
