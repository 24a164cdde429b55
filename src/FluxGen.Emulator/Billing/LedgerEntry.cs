namespace FluxGen.Emulator;

/// <summary>One charge: credits billed for a job when it completed.</summary>
/// <param name="JobId">The job billed.</param>
/// <param name="Credits">Credits charged.</param>
/// <param name="Model">The job's model.</param>
/// <param name="ApiKey">The key the job was submitted with.</param>
/// <param name="BilledAt">When the charge was made, on the emulator's clock.</param>
public sealed record LedgerEntry(string JobId, int Credits, string Model, string ApiKey, DateTimeOffset BilledAt);
