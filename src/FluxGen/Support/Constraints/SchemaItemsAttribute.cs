using System;

namespace Apiframe.Constraints;

/// <summary>The schema's <c>minItems</c> and <c>maxItems</c> for an array.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter | AttributeTargets.Field, AllowMultiple = false, Inherited = false)]
public sealed class SchemaItemsAttribute : Attribute
{
    /// <summary>The least number of items allowed; -1 when the schema sets none.</summary>
    public int MinItems { get; set; } = -1;

    /// <summary>The greatest number of items allowed; -1 when the schema sets none.</summary>
    public int MaxItems { get; set; } = -1;
}
