using System;

namespace Apiframe.Constraints;

/// <summary>The schema's <c>enum</c>: the only wire strings the server accepts.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter | AttributeTargets.Field, AllowMultiple = false, Inherited = false)]
public sealed class SchemaAllowedValuesAttribute : Attribute
{
    /// <summary>Creates the constraint.</summary>
    /// <param name="values">The allowed wire values, in schema order.</param>
    public SchemaAllowedValuesAttribute(params string[] values) => Values = values;

    /// <summary>The allowed wire values, in schema order.</summary>
    public string[] Values { get; }
}
