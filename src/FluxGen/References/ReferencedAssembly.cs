using FluxGen.Schema.Model;

namespace FluxGen.References;

/// <summary>One marker a referenced assembly carries: what it provides (a model id or a shared type's full name) and
/// the FluxGen version that generated it.</summary>
internal sealed record ProvidedItem(string Name, string Version);

/// <summary>What one referenced assembly provides, read from its FluxGen markers.</summary>
internal sealed record ReferencedAssembly(string AssemblyName, string? RuntimeVersion, EquatableArray<ProvidedItem> Models, EquatableArray<ProvidedItem> SharedTypes)
{
    /// <summary>The version of the client part it holds (<c>FluxGenClient</c>), or <see langword="null"/>.</summary>
    public string? ClientVersion { get; init; }

    /// <summary>Its name, when it is one a light-up feature needs, in a version recent enough
    /// (<see cref="LightUp.LightUpFeatures.Counts"/>).</summary>
    public string? LightUpName { get; init; }

    /// <summary>Whether it is the core library of net8.0 or later (System.Runtime or System.Private.CoreLib, version 8
    /// or more), which tells a modern target without asking the compilation (Targets/TargetSupport).</summary>
    public bool ModernCore { get; init; }

    public bool IsEmpty => RuntimeVersion is null && ClientVersion is null && Models.Count == 0 && SharedTypes.Count == 0 && LightUpName is null && !ModernCore;
}
