using System;

namespace Apiframe.Constraints;

/// <summary>The schema's <c>minLength</c> and <c>maxLength</c>, counted in Unicode code points as JSON Schema does.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter | AttributeTargets.Field, AllowMultiple = false, Inherited = false)]
public sealed class SchemaLengthAttribute : Attribute
{
    /// <summary>The least length allowed; -1 when the schema sets none.</summary>
    public int MinLength { get; set; } = -1;

    /// <summary>The greatest length allowed; -1 when the schema sets none.</summary>
    public int MaxLength { get; set; } = -1;
}
