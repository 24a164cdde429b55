using System;

namespace Apiframe.Constraints;

/// <summary>Names the JSON member a generated property or parameter stands for, so diagnostics and errors can
/// speak the wire's language (<c>fluxParams.output_quality</c>) rather than C#'s.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter | AttributeTargets.Field, AllowMultiple = false, Inherited = false)]
public sealed class SchemaPropertyAttribute : Attribute
{
    /// <summary>Creates the marker.</summary>
    /// <param name="path">The member's JSON path from the request root, for example <c>fluxParams.output_quality</c>.</param>
    public SchemaPropertyAttribute(string path) => Path = path;

    /// <summary>The member's JSON path from the request root.</summary>
    public string Path { get; }
}
