using FluxGen.Schema.Model;

namespace FluxGen.References;

/// <summary>One marker a referenced assembly carries: what it provides (a model id or a shared type's full name) and
/// the FluxGen version that generated it.</summary>
internal sealed record ProvidedItem(string Name, string Version);

/// <summary>What one referenced assembly provides, read from its FluxGen markers.</summary>
internal sealed record ReferencedAssembly(string AssemblyName, string? RuntimeVersion, EquatableArray<ProvidedItem> Models, EquatableArray<ProvidedItem> SharedTypes)
{
    public bool IsEmpty => RuntimeVersion is null && Models.Count == 0 && SharedTypes.Count == 0;
}
