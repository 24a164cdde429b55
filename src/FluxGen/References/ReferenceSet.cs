using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using FluxGen.Schema.Model;

namespace FluxGen.References;

/// <summary>A FluxGen version found in the markers of a referenced assembly.</summary>
internal sealed record MarkedVersion(string AssemblyName, string Version);

/// <summary>
/// What a compilation's references already provide, as one comparable value: whether the runtime is there (and from
/// which assembly), which models and shared types are, and every FluxGen version each marked assembly was made with.
/// </summary>
internal sealed record ReferenceSet(
    string? RuntimeAssembly,
    EquatableArray<string> Models,
    EquatableArray<string> SharedTypes,
    EquatableArray<MarkedVersion> Versions)
{
    public static ReferenceSet None { get; } = new(null, EquatableArray<string>.Empty, EquatableArray<string>.Empty, EquatableArray<MarkedVersion>.Empty);

    /// <summary>The light-up features whose assemblies are all referenced (see <see cref="LightUp.LightUpFeatures"/>),
    /// worked out once here for the runtime and the light-up output alike.</summary>
    public EquatableArray<string> LightUpFeatures { get; init; } = EquatableArray<string>.Empty;

    /// <summary>What the target framework gives the generated code (older targets: polyfills, packages), read off the
    /// compilation and joined to the references' value, so every output that reads the references reads it too.</summary>
    public Targets.TargetSupport Target { get; init; } = Targets.TargetSupport.Modern;

    /// <summary>Whether a reference is the core library of net8.0 or later: read off the metadata, so a modern project
    /// never has the compilation's references bound for the target's sake.</summary>
    public bool ModernTarget { get; init; }

    /// <summary>The assembly the client part of the runtime comes from, if a reference provides it.</summary>
    public string? ClientAssembly { get; init; }

    public bool ProvidesRuntime => RuntimeAssembly is not null;

    public bool ProvidesClient => ClientAssembly is not null;

    public bool ProvidesModel(string modelId) => Models.AsImmutableArray().BinarySearch(modelId, StringComparer.Ordinal) >= 0;

    public bool ProvidesSharedType(string fullName) => SharedTypes.AsImmutableArray().BinarySearch(fullName, StringComparer.Ordinal) >= 0;

    public static ReferenceSet From(ImmutableArray<ReferencedAssembly?> assemblies)
    {
        if (assemblies.IsDefaultOrEmpty)
        {
            return None;
        }

        var ordered = assemblies.Where(a => a is not null).Select(a => a!).OrderBy(a => a.AssemblyName, StringComparer.Ordinal).ToList();
        var versions = new List<MarkedVersion>();
        foreach (var assembly in ordered)
        {
            if (assembly.RuntimeVersion is { } runtime)
            {
                versions.Add(new MarkedVersion(assembly.AssemblyName, runtime));
            }

            if (assembly.ClientVersion is { } client)
            {
                versions.Add(new MarkedVersion(assembly.AssemblyName, client));
            }

            foreach (var item in assembly.Models.Concat(assembly.SharedTypes))
            {
                versions.Add(new MarkedVersion(assembly.AssemblyName, item.Version));
            }
        }

        return new ReferenceSet(
            ordered.FirstOrDefault(a => a.RuntimeVersion is not null)?.AssemblyName,
            Sorted(ordered.SelectMany(a => a.Models)),
            Sorted(ordered.SelectMany(a => a.SharedTypes)),
            versions.Distinct().OrderBy(v => v.AssemblyName, StringComparer.Ordinal).ThenBy(v => v.Version, StringComparer.Ordinal).ToEquatableArray())
        {
            ClientAssembly = ordered.FirstOrDefault(a => a.ClientVersion is not null)?.AssemblyName,
            ModernTarget = ordered.Any(a => a.ModernCore),
            LightUpFeatures = LightUp.LightUpFeatures.Enabled(ordered.Select(a => a.LightUpName).Where(n => n is not null).Select(n => n!)),
        };
    }

    private static EquatableArray<string> Sorted(IEnumerable<ProvidedItem> items) =>
        items.Select(i => i.Name).Distinct(StringComparer.Ordinal).OrderBy(n => n, StringComparer.Ordinal).ToEquatableArray();
}
