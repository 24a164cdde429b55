using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis;

namespace FluxGen.Tests.Infrastructure;

/// <summary>StackExchange.Redis's net8.0 assemblies (restored by the test project, never downloaded by a test), for
/// compiling the Redis light-up as an app that references the client would.</summary>
public static class RedisReferences
{
    public static ImmutableArray<MetadataReference> All =>
        new[] { "stackexchange.redis/{0}/lib/net8.0/StackExchange.Redis.dll", "respite/{0}/lib/net8.0/RESPite.dll" }
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(Path.Combine(Metadata("NuGetPackageRoot"), string.Format(System.Globalization.CultureInfo.InvariantCulture, p, Metadata("StackExchangeRedisVersion")))))
            .ToImmutableArray();

    private static string Metadata(string key) =>
        typeof(RedisReferences).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value
        ?? throw new InvalidOperationException($"The test assembly has no {key} metadata.");
}
