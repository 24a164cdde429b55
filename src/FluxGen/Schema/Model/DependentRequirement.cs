namespace FluxGen.Schema.Model;

/// <summary>One <c>dependentRequired</c> entry: when <see cref="Dependent"/> is present, every member of
/// <see cref="Requires"/> must be present too. Names are the object's JSON member names.</summary>
internal sealed record DependentRequirement(string Dependent, EquatableArray<string> Requires);
