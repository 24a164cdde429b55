namespace Apiframe;

/// <summary>
/// The names the client's traces and metrics are published under, for
/// <c>AddSource(ApiframeDiagnostics.Name)</c> and <c>AddMeter(ApiframeDiagnostics.Name)</c>.
/// </summary>
public static class ApiframeDiagnostics
{
    /// <summary>The name of both the <see cref="System.Diagnostics.ActivitySource"/> and the <see cref="System.Diagnostics.Metrics.Meter"/>.</summary>
    public const string Name = "Apiframe.Client";

    /// <summary>The counter of HTTP requests sent (every attempt and every redirect hop).</summary>
    public const string RequestsCounter = "apiframe.client.requests";

    /// <summary>The counter of retried attempts.</summary>
    public const string RetriesCounter = "apiframe.client.retries";

    /// <summary>The counter of job polls (<c>GET /v2/jobs/{id}</c> made while waiting).</summary>
    public const string PollsCounter = "apiframe.client.polls";

    /// <summary>The counter of credits charged for completed jobs.</summary>
    public const string CreditsCounter = "apiframe.client.credits";

    /// <summary>The histogram of job durations, in seconds, from creation to completion.</summary>
    public const string JobDurationHistogram = "apiframe.client.job.duration";
}
