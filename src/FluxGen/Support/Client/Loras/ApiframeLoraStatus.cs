using System;

namespace Apiframe;

/// <summary>
/// A LoRA's status. The set is open, as <see cref="ApiframeJobStatus"/>'s is: the six documented values have named
/// members, and any other value the server sends is kept as it came.
/// </summary>
public readonly struct ApiframeLoraStatus : IEquatable<ApiframeLoraStatus>
{
    private readonly string? _value;

    /// <summary>Creates a status from its wire text, for example <c>READY</c>.</summary>
    public ApiframeLoraStatus(string value)
    {
        ApiframeArgument.NotNull(value, nameof(value));
        _value = value;
    }

    /// <summary>Created; training has not started.</summary>
    public static ApiframeLoraStatus Pending { get; } = new("PENDING");

    /// <summary>The training images are being handed to the trainer.</summary>
    public static ApiframeLoraStatus Uploading { get; } = new("UPLOADING");

    /// <summary>Being trained.</summary>
    public static ApiframeLoraStatus Training { get; } = new("TRAINING");

    /// <summary>Trained: its id can be passed as <c>loraId</c> to <c>flux-lora</c>.</summary>
    public static ApiframeLoraStatus Ready { get; } = new("READY");

    /// <summary>Training failed; <see cref="ApiframeLora.Error"/> says why.</summary>
    public static ApiframeLoraStatus Failed { get; } = new("FAILED");

    /// <summary>Deleted (archived); listed only with <c>includeArchived</c>.</summary>
    public static ApiframeLoraStatus Archived { get; } = new("ARCHIVED");

    /// <summary>The wire text, for example <c>READY</c>; empty for a default instance.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>Whether training is over (ready, failed or archived).</summary>
    public bool IsTerminal => Equals(Ready) || Equals(Failed) || Equals(Archived);

    /// <summary>Whether this is one of the six documented values.</summary>
    public bool IsKnown => IsTerminal || Equals(Pending) || Equals(Uploading) || Equals(Training);

    /// <summary>Compares wire text, ignoring case.</summary>
    public bool Equals(ApiframeLoraStatus other) => string.Equals(Value, other.Value, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is ApiframeLoraStatus other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.OrdinalIgnoreCase.GetHashCode(Value);

    /// <summary>The wire text.</summary>
    public override string ToString() => Value;

    /// <summary>Whether two statuses have the same wire text, ignoring case.</summary>
    public static bool operator ==(ApiframeLoraStatus left, ApiframeLoraStatus right) => left.Equals(right);

    /// <summary>Whether two statuses have different wire text, ignoring case.</summary>
    public static bool operator !=(ApiframeLoraStatus left, ApiframeLoraStatus right) => !left.Equals(right);
}
