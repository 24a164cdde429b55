using System.Collections.Immutable;
using FluxGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace FluxGen.Tests.Shared;

/// <summary>The net8.0 reference assemblies for the Roslyn analyzer and code-fix harnesses, offline.</summary>
public static class Net80References
{
    /// <summary>Every reference assembly of Microsoft.NETCore.App 8.0.</summary>
    public static ImmutableArray<MetadataReference> All => ReferenceSets.Net80;

    /// <summary>For the Roslyn test harnesses: no package to resolve; add <see cref="All"/> as additional references.</summary>
    public static ReferenceAssemblies Empty { get; } = new("net8.0");
}
