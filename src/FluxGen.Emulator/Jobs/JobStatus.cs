namespace FluxGen.Emulator;

/// <summary>The wire values of a job's <c>status</c>.</summary>
public static class JobStatus
{
    /// <summary>Accepted, not started.</summary>
    public const string Queued = "QUEUED";

    /// <summary>Running; <c>progress</c> moves from 0 to 99.</summary>
    public const string Processing = "PROCESSING";

    /// <summary>Done; <c>result.images</c> holds the files and the credits are billed.</summary>
    public const string Completed = "COMPLETED";

    /// <summary>Ended without a result; <c>error</c> says why and nothing is billed.</summary>
    public const string Failed = "FAILED";

    /// <summary>The statuses the list filter accepts (the spec's set, CANCELLED included though the emulator never cancels).</summary>
    internal static readonly string[] All = [Queued, Processing, Completed, Failed, "CANCELLED"];
}
