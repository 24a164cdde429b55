using System;

namespace Apiframe.Constraints;

/// <summary>The schema's <c>pattern</c>: an ECMAScript regular expression the whole string is searched with.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter | AttributeTargets.Field, AllowMultiple = false, Inherited = false)]
public sealed class SchemaPatternAttribute : Attribute
{
    /// <summary>Creates the constraint.</summary>
    /// <param name="pattern">The regular expression, exactly as the schema writes it.</param>
    public SchemaPatternAttribute(string pattern) => Pattern = pattern;

    /// <summary>The regular expression, exactly as the schema writes it.</summary>
    public string Pattern { get; }
}
