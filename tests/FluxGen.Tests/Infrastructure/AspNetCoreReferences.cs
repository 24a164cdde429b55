using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis;

namespace FluxGen.Tests.Infrastructure;

/// <summary>ASP.NET Core 8's reference assemblies (restored as a package by the test project, never downloaded by a
/// test), for compiling FluxGen's light-up sources as a web app or a generic host would.</summary>
public static class AspNetCoreReferences
{
    private static readonly Lazy<string> Folder = new(() => Path.Combine(
        Metadata("NuGetPackageRoot"), "microsoft.aspnetcore.app.ref", Metadata("AspNetCoreRef8Version"), "ref", "net8.0"));

    /// <summary>Every assembly of Microsoft.AspNetCore.App 8.0.</summary>
    public static ImmutableArray<MetadataReference> All =>
        Directory.GetFiles(Folder.Value, "*.dll").OrderBy(f => f, StringComparer.Ordinal).Select(Reference).ToImmutableArray();

    /// <summary>Just the named assemblies.</summary>
    public static ImmutableArray<MetadataReference> Only(params string[] names) =>
        names.Select(n => Reference(Path.Combine(Folder.Value, n + ".dll"))).ToImmutableArray();

    private static MetadataReference Reference(string path) => MetadataReference.CreateFromFile(path);

    private static string Metadata(string key) =>
        typeof(AspNetCoreReferences).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value
        ?? throw new InvalidOperationException($"The test assembly has no {key} metadata.");
}
