using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace FluxGen.Tests.Shared;

/// <summary>The net8.0 reference assemblies the test project downloads at restore, found offline through the
/// package root recorded in this assembly's metadata, so no test touches the network.</summary>
public static class Net80References
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> LazyReferences = new(Load);

    /// <summary>Every reference assembly of Microsoft.NETCore.App 8.0.</summary>
    public static ImmutableArray<MetadataReference> All => LazyReferences.Value;

    /// <summary>For the Roslyn test harnesses: no package to resolve; add <see cref="All"/> as additional references.</summary>
    public static ReferenceAssemblies Empty { get; } = new("net8.0");

    private static ImmutableArray<MetadataReference> Load()
    {
        var metadata = typeof(Net80References).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().ToDictionary(a => a.Key, a => a.Value);
        var root = metadata["NuGetPackageRoot"] ?? throw new InvalidOperationException("NuGetPackageRoot was not recorded at build time.");
        var version = metadata["NetCoreRef8Version"];
        var folder = Path.Combine(root, "microsoft.netcore.app.ref", version!, "ref", "net8.0");
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"Reference assemblies not found at {folder}; run a restore of the test project.");
        }

        return Directory.GetFiles(folder, "*.dll").OrderBy(path => path, StringComparer.Ordinal)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray();
    }
}
