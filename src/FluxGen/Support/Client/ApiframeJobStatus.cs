using System;

namespace Apiframe;

/// <summary>
/// A job's status. The set is open: the five documented values have named members, and any other value the
/// server sends is kept as it came instead of failing the whole response.
/// </summary>
public readonly struct ApiframeJobStatus : IEquatable<ApiframeJobStatus>
{
    private readonly string? _value;

    /// <summary>Creates a status from its wire text, for example <c>QUEUED</c>.</summary>
    public ApiframeJobStatus(string value)
    {
        ApiframeArgument.NotNull(value, nameof(value));
        _value = value;
    }

    /// <summary>Accepted and waiting for a worker.</summary>
    public static ApiframeJobStatus Queued { get; } = new("QUEUED");

    /// <summary>Being generated; <see cref="ApiframeJob.Progress"/> may say how far along.</summary>
    public static ApiframeJobStatus Processing { get; } = new("PROCESSING");

    /// <summary>Finished; the result is ready.</summary>
    public static ApiframeJobStatus Completed { get; } = new("COMPLETED");

    /// <summary>Finished without a result; <see cref="ApiframeJob.Error"/> says why.</summary>
    public static ApiframeJobStatus Failed { get; } = new("FAILED");

    /// <summary>Stopped before it finished.</summary>
    public static ApiframeJobStatus Cancelled { get; } = new("CANCELLED");

    /// <summary>The wire text, for example <c>COMPLETED</c>; empty for a default instance.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>Whether the job will not change any more (completed, failed or cancelled).</summary>
    public bool IsTerminal => Equals(Completed) || Equals(Failed) || Equals(Cancelled);

    /// <summary>Whether this is one of the five documented values.</summary>
    public bool IsKnown => IsTerminal || Equals(Queued) || Equals(Processing);

    /// <summary>Compares wire text, ignoring case so that <c>completed</c> still counts as completed.</summary>
    public bool Equals(ApiframeJobStatus other) => string.Equals(Value, other.Value, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is ApiframeJobStatus other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.OrdinalIgnoreCase.GetHashCode(Value);

    /// <summary>The wire text.</summary>
    public override string ToString() => Value;

    /// <summary>Whether two statuses have the same wire text, ignoring case.</summary>
    public static bool operator ==(ApiframeJobStatus left, ApiframeJobStatus right) => left.Equals(right);

    /// <summary>Whether two statuses have different wire text, ignoring case.</summary>
    public static bool operator !=(ApiframeJobStatus left, ApiframeJobStatus right) => !left.Equals(right);
}
