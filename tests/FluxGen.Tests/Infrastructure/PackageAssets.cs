namespace FluxGen.Tests.Infrastructure;

/// <summary>Picks a restored package's compile assemblies for a target the way NuGet does for the packages the
/// down-level sets use: <c>ref/</c> when it has a folder for the target, else <c>lib/</c>, taking the nearest
/// framework folder.</summary>
internal static class PackageAssets
{
    /// <summary>Framework folders a netstandard2.0 project can take assets from, nearest first.</summary>
    public static readonly string[] NetStandard20 =
        { "netstandard2.0", "netstandard1.6", "netstandard1.5", "netstandard1.4", "netstandard1.3", "netstandard1.2", "netstandard1.1", "netstandard1.0" };

    /// <summary>Framework folders a netstandard2.1 project can take assets from, nearest first.</summary>
    public static readonly string[] NetStandard21 = new[] { "netstandard2.1" }.Concat(NetStandard20).ToArray();

    /// <summary>Framework folders a net48 project can take assets from, nearest first: any .NET Framework up to 4.8,
    /// then .NET Standard 2.0 (which 4.6.1 and later run).</summary>
    public static readonly string[] Net48 =
        new[] { "net48", "net472", "net471", "net47", "net462", "net461", "net46", "net452", "net451", "net45", "net40" }.Concat(NetStandard20).ToArray();

    public static IReadOnlyList<string> CompileAssemblies(string packageFolder, IReadOnlyList<string> frameworks)
    {
        foreach (var kind in new[] { "ref", "lib" })
        {
            var root = Path.Combine(packageFolder, kind);
            if (!Directory.Exists(root))
            {
                continue;
            }

            var nearest = frameworks.Select(f => Path.Combine(root, f)).FirstOrDefault(Directory.Exists);
            if (nearest is not null)
            {
                return Directory.GetFiles(nearest, "*.dll").Order(StringComparer.Ordinal).ToList();
            }
        }

        throw new InvalidOperationException($"{packageFolder} has no compile assets for {frameworks[0]}.");
    }
}
