using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Reflection.Metadata;
using System.Runtime.CompilerServices;
using System.Threading;
using FluxGen.Schema.Model;
using Microsoft.CodeAnalysis;

namespace FluxGen.References;

/// <summary>
/// Reads the FluxGen markers (<c>Apiframe.Generation.FluxGenRuntime</c>, <c>FluxGenModel</c>,
/// <c>FluxGenSharedType</c>) off one metadata reference. A compiled reference is read straight from its metadata
/// tables (no symbols are built, and an assembly without a custom attribute of those names costs a string compare per
/// assembly attribute); a compilation reference (a project reference in the IDE) from its assembly symbol.
/// </summary>
internal static class ReferenceScanner
{
    public const string MarkerNamespace = "Apiframe.Generation";
    public const string RuntimeMarker = "FluxGenRuntimeAttribute";
    public const string ClientMarker = "FluxGenClientAttribute";
    public const string ModelMarker = "FluxGenModelAttribute";
    public const string SharedTypeMarker = "FluxGenSharedTypeAttribute";

    /// <summary>The markers of <paramref name="reference"/>, or <see langword="null"/> when it has none.</summary>
    public static ReferencedAssembly? Scan(MetadataReference reference, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var found = reference switch
        {
            PortableExecutableReference pe => ScanMetadata(pe),
            CompilationReference cr => ScanCompilation(cr.Compilation),
            _ => null,
        };
        return found is { IsEmpty: false } ? found : null;
    }

    // What each metadata image was found to provide. A command-line build makes a new driver and new reference
    // objects every time, but the compiler server hands it the metadata it already holds for an unchanged file, with
    // the same MetadataId; asking for the id copies nothing, whereas GetMetadata() copies the metadata object on every
    // call (about 650 bytes for each of a project's ~190 references, per build). Weak, so an image the compiler drops
    // is dropped here too.
    private static readonly ConditionalWeakTable<MetadataId, Scanned> s_scanned = new();

    private sealed class Scanned
    {
        public Scanned(ReferencedAssembly? value) => Value = value;

        public ReferencedAssembly? Value { get; }
    }

    private static ReferencedAssembly? ScanMetadata(PortableExecutableReference reference)
    {
        MetadataId id;
        try
        {
            id = reference.GetMetadataId();
        }
        catch (Exception e) when (e is BadImageFormatException or System.IO.IOException or InvalidOperationException)
        {
            return null;
        }

        if (s_scanned.TryGetValue(id, out var known))
        {
            return known.Value;
        }

        var found = new Scanned(ReadMetadata(reference));
        return s_scanned.GetValue(id, _ => found).Value;
    }

    private static ReferencedAssembly? ReadMetadata(PortableExecutableReference reference)
    {
        MetadataReader reader;
        try
        {
            if (reference.GetMetadata() is not AssemblyMetadata assembly)
            {
                return null;
            }

            reader = assembly.GetModules()[0].GetMetadataReader();
        }
        catch (Exception e) when (e is BadImageFormatException or System.IO.IOException or InvalidOperationException)
        {
            // The compiler reports an unreadable reference itself; FluxGen just finds no markers in it.
            return null;
        }

        if (!reader.IsAssembly)
        {
            return null;
        }

        // The light-up features are read here too, off the same metadata: asking the compilation for its referenced
        // assemblies instead would bind every reference inside the generator's time.
        var definition = reader.GetAssemblyDefinition();
        var name = reader.GetString(definition.Name);
        var lightUp = LightUp.LightUpFeatures.Counts(name, definition.Version.Major) ? name : null;
        Collector? collector = null;
        foreach (var handle in definition.GetCustomAttributes())
        {
            var attribute = reader.GetCustomAttribute(handle);
            var kind = MarkerKind(reader, attribute.Constructor);
            if (kind is null)
            {
                continue;
            }

            try
            {
                var blob = reader.GetBlobReader(attribute.Value);
                if (blob.ReadUInt16() != 1)
                {
                    continue;
                }

                var first = blob.ReadSerializedString();
                var second = kind is RuntimeMarker or ClientMarker ? null : blob.ReadSerializedString();
                (collector ??= new Collector()).Add(kind, first, second);
            }
            catch (BadImageFormatException)
            {
                // A marker whose arguments cannot be read provides nothing.
            }
        }

        var modernCore = Targets.TargetSupport.IsModernCore(name, definition.Version.Major);
        if (collector is null)
        {
            return lightUp is null && !modernCore ? null : new ReferencedAssembly(name, null, EquatableArray<ProvidedItem>.Empty, EquatableArray<ProvidedItem>.Empty) { LightUpName = lightUp, ModernCore = modernCore };
        }

        return collector.ToAssembly(name) with { LightUpName = lightUp, ModernCore = modernCore };
    }

    private static string? MarkerKind(MetadataReader reader, EntityHandle constructor)
    {
        StringHandle name, ns;
        switch (constructor.Kind)
        {
            case HandleKind.MethodDefinition:
                var type = reader.GetTypeDefinition(reader.GetMethodDefinition((MethodDefinitionHandle)constructor).GetDeclaringType());
                (name, ns) = (type.Name, type.Namespace);
                break;
            case HandleKind.MemberReference:
                var parent = reader.GetMemberReference((MemberReferenceHandle)constructor).Parent;
                if (parent.Kind != HandleKind.TypeReference)
                {
                    return null;
                }

                var reference = reader.GetTypeReference((TypeReferenceHandle)parent);
                (name, ns) = (reference.Name, reference.Namespace);
                break;
            default:
                return null;
        }

        // Nearly every attribute of nearly every reference fails this first test.
        if (!reader.StringComparer.StartsWith(name, "FluxGen"))
        {
            return null;
        }

        var kind = reader.StringComparer.Equals(name, RuntimeMarker) ? RuntimeMarker
            : reader.StringComparer.Equals(name, ClientMarker) ? ClientMarker
            : reader.StringComparer.Equals(name, ModelMarker) ? ModelMarker
            : reader.StringComparer.Equals(name, SharedTypeMarker) ? SharedTypeMarker
            : null;
        return kind is not null && reader.StringComparer.Equals(ns, MarkerNamespace) ? kind : null;
    }

    private static ReferencedAssembly? ScanCompilation(Compilation compilation)
    {
        var collector = new Collector();
        foreach (var attribute in compilation.Assembly.GetAttributes())
        {
            if (attribute.AttributeClass is not { } type || type.ContainingNamespace?.ToDisplayString() != MarkerNamespace)
            {
                continue;
            }

            var arguments = attribute.ConstructorArguments;
            if (arguments.Length is 0 or > 2 || arguments[0].Value is not string first)
            {
                continue;
            }

            collector.Add(type.Name, first, arguments.Length == 2 ? arguments[1].Value as string : null);
        }

        var identity = compilation.Assembly.Identity;
        var lightUp = LightUp.LightUpFeatures.Counts(identity.Name, identity.Version.Major) ? identity.Name : null;
        return collector.ToAssembly(compilation.AssemblyName ?? string.Empty) with { LightUpName = lightUp };
    }

    private sealed class Collector
    {
        private readonly List<ProvidedItem> _models = new();
        private readonly List<ProvidedItem> _shared = new();
        private string? _runtime;
        private string? _client;

        public void Add(string kind, string? first, string? second)
        {
            if (first is null)
            {
                return;
            }

            switch (kind)
            {
                case RuntimeMarker:
                    _runtime = first;
                    break;
                case ClientMarker:
                    _client = first;
                    break;
                case ModelMarker when second is not null:
                    _models.Add(new ProvidedItem(first, second));
                    break;
                case SharedTypeMarker when second is not null:
                    _shared.Add(new ProvidedItem(first, second));
                    break;
            }
        }

        public ReferencedAssembly ToAssembly(string name)
        {
            _models.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
            _shared.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
            return new ReferencedAssembly(name, _runtime, _models.ToEquatableArray(), _shared.ToEquatableArray()) { ClientVersion = _client };
        }
    }
}
