using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace FluxGen.Tests.Infrastructure;

/// <summary>The netstandard2.0 and net48 sets with the packages a consumer adds for one light-up, and what NuGet
/// brings for them (the FluxGenLightUpPackage items of the project).</summary>
public static partial class ReferenceSets
{
    /// <summary>Each light-up set with the sets it builds on: the DI registration logs, and resilience is added to
    /// the registered client.</summary>
    private static readonly IReadOnlyDictionary<string, string[]> LightUpSetChains = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["Logging"] = new[] { "Logging" },
        ["DependencyInjection"] = new[] { "Logging", "DependencyInjection" },
        ["Resilience"] = new[] { "Logging", "DependencyInjection", "Resilience" },
        ["AI"] = new[] { "AI" },
    };

    private static readonly ConcurrentDictionary<(string Target, string Feature), ImmutableArray<MetadataReference>> LightUpCache = new();

    /// <summary>The netstandard2.0 set with <paramref name="feature"/>'s packages. There is none for Resilience:
    /// Microsoft.Extensions.Http.Resilience 8.x has no netstandard2.0 asset, so such a project cannot add it.</summary>
    public static ImmutableArray<MetadataReference> NetStandard20With(string feature) =>
        LightUpCache.GetOrAdd(("netstandard2.0", feature), key => WithLightUp(NetStandard20Files(), PackageAssets.NetStandard20, key.Feature));

    /// <summary>The net48 set with <paramref name="feature"/>'s packages (their net462 assets, where they have one).</summary>
    public static ImmutableArray<MetadataReference> Net48With(string feature) =>
        LightUpCache.GetOrAdd(("net48", feature), key => WithLightUp(Net48Files(), PackageAssets.Net48, key.Feature));

    // A package in both lists (System.Text.Json 8 and 11 for AI) is settled by Resolve: the newer assembly stays,
    // as NuGet keeps the newer package.
    private static ImmutableArray<MetadataReference> WithLightUp(IEnumerable<(string Origin, string File)> target, IReadOnlyList<string> frameworks, string feature)
    {
        if (!LightUpSetChains.TryGetValue(feature, out var sets))
        {
            throw new ArgumentOutOfRangeException(nameof(feature), feature, "No light-up set of that name.");
        }

        var packages = LightUpPackages.Value.Where(p => sets.Contains(p.Set)).Select(p => (p.Id, p.Version));
        return Resolve(target.Concat(PackageFiles(frameworks, packages))).Select(e => e.Reference).ToImmutableArray();
    }

    private static readonly Lazy<IReadOnlyList<(string Set, string Id, string Version)>> LightUpPackages = new(() =>
        Metadata("DownLevelLightUpPackages").Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Select(entry =>
            {
                var (set, package) = (entry[..entry.IndexOf(':')], entry[(entry.IndexOf(':') + 1)..]);
                var parts = package.Split('/');
                return (set, parts[0], parts[1]);
            })
            .ToList());
}
