using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis;

namespace FluxGen.Tests.Infrastructure;

/// <summary>Reference assemblies of the target frameworks a consumer compiles generated code for; restored as
/// packages by the test project, so no test downloads anything.</summary>
public static partial class ReferenceSets
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> Net80Lazy = new(() => Load("NetCoreRef8Version", "net8.0"));
    private static readonly Lazy<ImmutableArray<MetadataReference>> Net100Lazy = new(() => Load("NetCoreRef10Version", "net10.0"));

    public static ImmutableArray<MetadataReference> Net80 => Net80Lazy.Value;

    public static ImmutableArray<MetadataReference> Net100 => Net100Lazy.Value;

    public static string PackageFolder(string versionKey, string tfm) =>
        Path.Combine(Metadata("NuGetPackageRoot"), "microsoft.netcore.app.ref", Metadata(versionKey), "ref", tfm);

    private static ImmutableArray<MetadataReference> Load(string versionKey, string tfm)
    {
        var folder = PackageFolder(versionKey, tfm);
        return Directory.GetFiles(folder, "*.dll")
            .OrderBy(f => f, StringComparer.Ordinal)
            .Select(f => (MetadataReference)MetadataReference.CreateFromFile(f))
            .ToImmutableArray();
    }

    internal static string Metadata(string key) =>
        typeof(ReferenceSets).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value
        ?? throw new InvalidOperationException($"The test assembly has no {key} metadata.");
}
