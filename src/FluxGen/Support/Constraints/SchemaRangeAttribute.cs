using System;

namespace Apiframe.Constraints;

/// <summary>
/// Numeric bounds from the schema (<c>minimum</c>, <c>maximum</c>, <c>exclusiveMinimum</c>, <c>exclusiveMaximum</c>).
/// Bounds are kept as the schema's decimal text so that no binary rounding creeps into a check.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter | AttributeTargets.Field, AllowMultiple = false, Inherited = false)]
public sealed class SchemaRangeAttribute : Attribute
{
    /// <summary>The inclusive lower bound, as decimal text, or <see langword="null"/>.</summary>
    public string? Minimum { get; set; }

    /// <summary>The inclusive upper bound, as decimal text, or <see langword="null"/>.</summary>
    public string? Maximum { get; set; }

    /// <summary>The exclusive lower bound, as decimal text, or <see langword="null"/>.</summary>
    public string? ExclusiveMinimum { get; set; }

    /// <summary>The exclusive upper bound, as decimal text, or <see langword="null"/>.</summary>
    public string? ExclusiveMaximum { get; set; }
}
