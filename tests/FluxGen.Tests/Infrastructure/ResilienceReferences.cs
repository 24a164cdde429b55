using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis;

namespace FluxGen.Tests.Infrastructure;

/// <summary>
/// Microsoft.Extensions.Http.Resilience 8.x and the Polly assemblies its options come from, as downloaded at restore
/// (see the PackageDownload items in the project): what switches on the Resilience light-up.
/// </summary>
public static class ResilienceReferences
{
    public static ImmutableArray<MetadataReference> All =>
    [
        Library("microsoft.extensions.http.resilience", "HttpResilience8Version", "Microsoft.Extensions.Http.Resilience"),
        Library("microsoft.extensions.resilience", "HttpResilience8Version", "Microsoft.Extensions.Resilience"),
        Library("polly.core", "Polly8Version", "Polly.Core"),
        Library("polly.ratelimiting", "Polly8Version", "Polly.RateLimiting"),
    ];

    private static MetadataReference Library(string package, string versionKey, string assembly) =>
        MetadataReference.CreateFromFile(Path.Combine(Metadata("NuGetPackageRoot"), package, Metadata(versionKey), "lib", "net8.0", assembly + ".dll"));

    private static string Metadata(string key) =>
        typeof(ResilienceReferences).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value
        ?? throw new InvalidOperationException($"The test assembly has no {key} metadata.");
}
