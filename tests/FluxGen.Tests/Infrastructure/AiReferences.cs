using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis;

namespace FluxGen.Tests.Infrastructure;

/// <summary>Microsoft.Extensions.AI.Abstractions (restored as a package by the test project, never downloaded by a
/// test) added to a consumer's references, as a project with the package would have them.</summary>
public static class AiReferences
{
    // System.Text.Json 10 and what it depends on: on net8.0 they replace the reference pack's 8.0 copies.
    private static readonly string[] Replaced = { "System.Text.Json", "System.Text.Encodings.Web", "System.IO.Pipelines" };

    /// <summary>net8.0: the package's net8.0 assembly, with the System.Text.Json 10 it depends on in place of the
    /// reference pack's 8.0 copy (what the SDK's conflict resolution picks in a real build).</summary>
    public static ImmutableArray<MetadataReference> Net80() =>
        ReferenceSets.Net80
            .Where(r => !Replaced.Contains(Path.GetFileNameWithoutExtension(r.Display), StringComparer.OrdinalIgnoreCase))
            .Concat(Replaced.Select(name => Package(name.ToLowerInvariant(), "MeaiSystemTextJsonVersion", "net8.0", name + ".dll")))
            .Append(Package("microsoft.extensions.ai.abstractions", "MeaiAbstractionsVersion", "net8.0", "Microsoft.Extensions.AI.Abstractions.dll"))
            .ToImmutableArray();

    /// <summary>net10.0: the package's net10.0 assembly, which needs nothing else.</summary>
    public static ImmutableArray<MetadataReference> Net100() =>
        ReferenceSets.Net100.Add(Package("microsoft.extensions.ai.abstractions", "MeaiAbstractionsVersion", "net10.0", "Microsoft.Extensions.AI.Abstractions.dll"));

    private static MetadataReference Package(string id, string versionKey, string tfm, string file) =>
        MetadataReference.CreateFromFile(Path.Combine(Metadata("NuGetPackageRoot"), id, Metadata(versionKey), "lib", tfm, file));

    private static string Metadata(string key) =>
        typeof(AiReferences).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value
        ?? throw new InvalidOperationException($"The test assembly has no {key} metadata.");
}
