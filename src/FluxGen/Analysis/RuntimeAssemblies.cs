using System;
using System.Collections.Immutable;
using System.IO;
using System.Reflection.Metadata;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace FluxGen.Analysis;

/// <summary>Where the analyzers look for FluxGen's constraint attributes (namespace <c>Apiframe.Constraints</c>) in
/// one compilation: this assembly, every project reference, and each compiled reference whose metadata declares that
/// namespace.</summary>
/// <remarks>Asking the compilation for a type by name searches every reference and makes the compiler load the
/// namespaces of each (a hundred and more framework assemblies): it was most of the analyzers' cost in a build, billed
/// before the first value was checked. A compiled reference's namespace table is read straight from its metadata
/// instead, once per reference object, which every compilation holding it (each keystroke in the IDE, each project
/// of a build server) shares.</remarks>
internal static class RuntimeAssemblies
{
    private static readonly ConditionalWeakTable<PortableExecutableReference, object> Declares = new();
    private static readonly object Yes = new();
    private static readonly object No = new();

    /// <summary>The assemblies of <paramref name="compilation"/> that can declare the attributes.</summary>
    public static ImmutableArray<IAssemblySymbol> Of(Compilation compilation)
    {
        var holders = ImmutableArray.CreateBuilder<IAssemblySymbol>();
        holders.Add(compilation.Assembly);
        foreach (var reference in compilation.References)
        {
            if ((reference is not PortableExecutableReference compiled || ReferenceEquals(Declares.GetValue(compiled, Read), Yes))
                && compilation.GetAssemblyOrModuleSymbol(reference) is IAssemblySymbol assembly)
            {
                holders.Add(assembly);
            }
        }

        return holders.ToImmutable();
    }

    /// <summary>Every type of that metadata name among <paramref name="holders"/>.</summary>
    public static ImmutableArray<INamedTypeSymbol> FindTypes(ImmutableArray<IAssemblySymbol> holders, string metadataName)
    {
        var found = ImmutableArray.CreateBuilder<INamedTypeSymbol>();
        foreach (var holder in holders)
        {
            if (holder.GetTypeByMetadataName(metadataName) is { } type)
            {
                found.Add(type);
            }
        }

        return found.ToImmutable();
    }

    private static object Read(PortableExecutableReference reference)
    {
        try
        {
            if (reference.GetMetadata() is not AssemblyMetadata assembly)
            {
                return No;
            }

            foreach (var module in assembly.GetModules())
            {
                var reader = module.GetMetadataReader();
                if (Child(reader, reader.GetNamespaceDefinitionRoot(), "Apiframe") is { } apiframe
                    && Child(reader, reader.GetNamespaceDefinition(apiframe), "Constraints") is not null)
                {
                    return Yes;
                }
            }

            return No;
        }
        catch (Exception e) when (e is BadImageFormatException or IOException or InvalidOperationException)
        {
            // The compiler reports an unreadable reference itself; it declares nothing the analyzers can use.
            return No;
        }
    }

    private static NamespaceDefinitionHandle? Child(MetadataReader reader, NamespaceDefinition parent, string name)
    {
        foreach (var handle in parent.NamespaceDefinitions)
        {
            if (reader.StringComparer.Equals(reader.GetNamespaceDefinition(handle).Name, name))
            {
                return handle;
            }
        }

        return null;
    }
}
