using System;

namespace Apiframe.Constraints;

/// <summary>The schema's <c>format</c>; FluxGen checks <c>uri</c> (an absolute http or https URI).</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter | AttributeTargets.Field, AllowMultiple = false, Inherited = false)]
public sealed class SchemaFormatAttribute : Attribute
{
    /// <summary>Creates the constraint.</summary>
    /// <param name="format">The format name from the schema, for example <c>"uri"</c>.</param>
    public SchemaFormatAttribute(string format) => Format = format;

    /// <summary>The format name from the schema.</summary>
    public string Format { get; }
}
