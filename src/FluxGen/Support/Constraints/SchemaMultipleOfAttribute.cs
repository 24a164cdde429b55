using System;

namespace Apiframe.Constraints;

/// <summary>The schema's <c>multipleOf</c>: a valid value is an integer multiple of <see cref="Step"/>.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter | AttributeTargets.Field, AllowMultiple = false, Inherited = false)]
public sealed class SchemaMultipleOfAttribute : Attribute
{
    /// <summary>Creates the constraint.</summary>
    /// <param name="step">The step as the schema's decimal text, for example <c>"0.05"</c>.</param>
    public SchemaMultipleOfAttribute(string step) => Step = step;

    /// <summary>The step as the schema's decimal text.</summary>
    public string Step { get; }
}
