namespace FluxGen.Schema.Model;

/// <summary>One <c>dependentRequired</c> entry: when <see cref="Dependent"/> is present, every member of
/// <see cref="Requires"/> must be present too. Names are the object's JSON member names.</summary>
internal sealed record DependentRequirement(string Dependent, EquatableArray<string> Requires)
{
    /// <summary>When set, the rule holds only while <see cref="Dependent"/> has this wire value (a document's "required
    /// when <c>subjectKind === "person"</c>"); the dependent's <c>default</c> counts when it is unset.</summary>
    public string? WhenValue { get; init; }
}
