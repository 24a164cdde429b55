using System;

namespace Apiframe.Webhooks;

/// <summary>
/// What a webhook delivery reports. The set is open: <c>progress</c>, <c>completed</c> and <c>failed</c> have named
/// members, and any other value is kept as it came.
/// </summary>
public readonly struct ApiframeWebhookEventKind : IEquatable<ApiframeWebhookEventKind>
{
    private readonly string? _value;

    /// <summary>Creates a kind from its wire text.</summary>
    public ApiframeWebhookEventKind(string value)
    {
        ApiframeArgument.NotNull(value, nameof(value));
        _value = value;
    }

    /// <summary>The job made progress.</summary>
    public static ApiframeWebhookEventKind Progress { get; } = new("progress");

    /// <summary>The job finished with a result.</summary>
    public static ApiframeWebhookEventKind Completed { get; } = new("completed");

    /// <summary>The job failed.</summary>
    public static ApiframeWebhookEventKind Failed { get; } = new("failed");

    /// <summary>The wire text, for example <c>completed</c>; empty for a default instance.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>Compares wire text, ignoring case.</summary>
    public bool Equals(ApiframeWebhookEventKind other) => string.Equals(Value, other.Value, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is ApiframeWebhookEventKind other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.OrdinalIgnoreCase.GetHashCode(Value);

    /// <summary>The wire text.</summary>
    public override string ToString() => Value;

    /// <summary>Whether two kinds have the same wire text, ignoring case.</summary>
    public static bool operator ==(ApiframeWebhookEventKind left, ApiframeWebhookEventKind right) => left.Equals(right);

    /// <summary>Whether two kinds have different wire text, ignoring case.</summary>
    public static bool operator !=(ApiframeWebhookEventKind left, ApiframeWebhookEventKind right) => !left.Equals(right);
}
