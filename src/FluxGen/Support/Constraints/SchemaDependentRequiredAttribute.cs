using System;

namespace Apiframe.Constraints;

/// <summary>JSON Schema <c>dependentRequired</c> on the member that depends: whenever it is set, the members named
/// here (C# property names of the same type) must be set too. The analyzers read it to flag initializers that set
/// this member without the ones it needs. With <see cref="When"/> the rule is conditional on this member's value (the
/// API's "required when subjectKind is person").</summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false, Inherited = false)]
public sealed class SchemaDependentRequiredAttribute : Attribute
{
    /// <summary>Creates the marker.</summary>
    /// <param name="members">The C# names of the properties this one needs, for example <c>nameof(ImagePrompt)</c>.</param>
    public SchemaDependentRequiredAttribute(params string[] members) => Members = members;

    /// <summary>The C# names of the properties this one needs.</summary>
    public string[] Members { get; }

    /// <summary>When set, the members are needed only while this one has this value (an enum member or a string);
    /// <see langword="null"/>: whenever this one is set.</summary>
    public object? When { get; set; }

    /// <summary>Whether the rule also holds while this member is unset, because the server's default is <see cref="When"/>.</summary>
    public bool WhenUnset { get; set; }
}
