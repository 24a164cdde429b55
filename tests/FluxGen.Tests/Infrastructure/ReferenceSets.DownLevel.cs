using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis;

namespace FluxGen.Tests.Infrastructure;

/// <summary>The netstandard2.0, netstandard2.1 and net48 sets: what such a consumer compiles against once it has
/// added the packages FluxGen asks for below net8.0 (FLUXGEN022), each package with the dependencies NuGet would
/// bring.</summary>
public static partial class ReferenceSets
{
    /// <summary>The packages FLUXGEN022 names, and the ones they bring; also every package whose absence a test
    /// may ask for.</summary>
    private static readonly string[] Packages =
    {
        "System.Text.Json", "Microsoft.Bcl.AsyncInterfaces", "System.Diagnostics.DiagnosticSource", "Microsoft.Bcl.TimeProvider",
        "System.Text.Encodings.Web", "System.Memory", "System.Buffers", "System.Runtime.CompilerServices.Unsafe",
        "System.Threading.Tasks.Extensions", "System.Numerics.Vectors",
    };

    /// <summary>The assemblies an SDK-style net48 project references without being told (mscorlib, and the SDK's
    /// implicit framework references), and System.Net.Http, which such a project adds with <c>&lt;Reference Include="System.Net.Http" /&gt;</c>.</summary>
    private static readonly string[] Net48FrameworkAssemblies =
    {
        "mscorlib", "System", "System.Core", "System.Data", "System.Drawing", "System.IO.Compression.FileSystem", "System.Numerics",
        "System.Runtime.Serialization", "System.Xml", "System.Xml.Linq", "System.Net.Http",
    };

    private static readonly Lazy<ImmutableArray<SetEntry>> NetStandard20Entries = new(() => Resolve(NetStandard20Files()));
    private static readonly Lazy<ImmutableArray<SetEntry>> NetStandard21Entries = new(() => Resolve(NetStandard21Files()));
    private static readonly Lazy<ImmutableArray<SetEntry>> Net48Entries = new(() => Resolve(Net48Files()));
    private static readonly ConcurrentDictionary<(string Set, string Left), ImmutableArray<MetadataReference>> LessCache = new();

    public static ImmutableArray<MetadataReference> NetStandard20 => NetStandard20Without(null);

    public static ImmutableArray<MetadataReference> Net48 => Net48Without(null);

    /// <summary>netstandard2.1's reference assemblies with the same packages, each taking its netstandard2.1 asset
    /// where it has one (Microsoft.Bcl.AsyncInterfaces, which System.Text.Json 8 still brings there).</summary>
    public static ImmutableArray<MetadataReference> NetStandard21 => NetStandard21Entries.Value.Select(e => e.Reference).ToImmutableArray();

    /// <summary>The netstandard2.0 set less one package's own assemblies (what depends on it stays, as in a project
    /// that lost the reference while another package still asks for it).</summary>
    public static ImmutableArray<MetadataReference> NetStandard20Without(string? package) => Less("netstandard2.0", NetStandard20Entries.Value, package);

    /// <summary>The net48 set less one package's assemblies, or less the framework assembly of that name
    /// (<c>System.Net.Http</c>).</summary>
    public static ImmutableArray<MetadataReference> Net48Without(string? packageOrAssembly) => Less("net48", Net48Entries.Value, packageOrAssembly);

    /// <summary>The netstandard2.0 set with System.Text.Json <paramref name="version"/>'s assembly in place of 8.0's.</summary>
    public static ImmutableArray<MetadataReference> NetStandard20WithSystemTextJson(string version) =>
        NetStandard20Without("System.Text.Json")
            .AddRange(PackageAssets.CompileAssemblies(PackagePath("System.Text.Json", version), PackageAssets.NetStandard20).Select(f => (MetadataReference)MetadataReference.CreateFromFile(f)));

    public static string OldSystemTextJsonVersion => Metadata("OldSystemTextJsonVersion");

    private static ImmutableArray<MetadataReference> Less(string set, ImmutableArray<SetEntry> entries, string? left) =>
        LessCache.GetOrAdd((set, left ?? string.Empty), key =>
        {
            var kept = entries.Where(e => e.Origin != key.Left).ToImmutableArray();
            if (key.Left.Length > 0 && kept.Length == entries.Length)
            {
                throw new ArgumentException($"The {set} set has nothing from {key.Left}.", nameof(left));
            }

            return kept.Select(e => e.Reference).ToImmutableArray();
        });

    private static IEnumerable<(string Origin, string File)> NetStandard20Files() =>
        FrameworkFiles("NETStandard.Library", Path.Combine("build", "netstandard2.0", "ref"))
            .Concat(PackageFiles(PackageAssets.NetStandard20, Packages));

    // The SDK settles the packages' System.Memory, System.Buffers and the like against the reference pack's facades
    // of the same name by assembly version, as Resolve does.
    private static IEnumerable<(string Origin, string File)> NetStandard21Files() =>
        FrameworkFiles("NETStandard.Library.Ref", Path.Combine("ref", "netstandard2.1"))
            .Concat(PackageFiles(PackageAssets.NetStandard21, Packages));

    private static IEnumerable<(string Origin, string File)> FrameworkFiles(string package, string folder) =>
        Directory.GetFiles(Path.Combine(PackagePath(package), folder), "*.dll").Order(StringComparer.Ordinal).Select(f => (package, f));

    private static IEnumerable<(string Origin, string File)> Net48Files()
    {
        var framework = Path.Combine(PackagePath("Microsoft.NETFramework.ReferenceAssemblies.net48"), "build", ".NETFramework", "v4.8");
        // A framework assembly's origin is its own name, so Net48Without("System.Net.Http") removes just that one.
        var named = Net48FrameworkAssemblies.Select(a => (a, Path.Combine(framework, a + ".dll")));
        // The SDK adds every facade once a reference is built on netstandard or System.Runtime, as these packages are.
        var facades = Directory.GetFiles(Path.Combine(framework, "Facades"), "*.dll").Order(StringComparer.Ordinal)
            .Select(f => (Path.GetFileNameWithoutExtension(f), f));
        // System.Text.Json and Microsoft.Bcl.TimeProvider ask for System.ValueTuple on .NET Framework only.
        return named.Concat(facades).Concat(PackageFiles(PackageAssets.Net48, Packages.Append("System.ValueTuple")));
    }

    private static IEnumerable<(string Origin, string File)> PackageFiles(IReadOnlyList<string> frameworks, IEnumerable<string> packages) =>
        packages.SelectMany(p => PackageAssets.CompileAssemblies(PackagePath(p), frameworks).Select(f => (p, f)));

    private static IEnumerable<(string Origin, string File)> PackageFiles(IReadOnlyList<string> frameworks, IEnumerable<(string Id, string Version)> packages) =>
        packages.SelectMany(p => PackageAssets.CompileAssemblies(PackagePath(p.Id, p.Version), frameworks).Select(f => (p.Id, f)));

    /// <summary>One assembly per name, the highest version winning, as the SDK's conflict resolution settles a
    /// package that ships what the framework has too (System.ValueTuple on net48); two files of one identity would
    /// be an error (CS1703) no real build shows.</summary>
    private static ImmutableArray<SetEntry> Resolve(IEnumerable<(string Origin, string File)> files) =>
        files
            .Select(f => (f.Origin, f.File, Name: AssemblyName.GetAssemblyName(f.File)))
            .GroupBy(f => f.Name.Name, StringComparer.OrdinalIgnoreCase)
            .Select(g => g.OrderByDescending(f => f.Name.Version).First())
            .Select(f => new SetEntry(f.Origin, MetadataReference.CreateFromFile(f.File)))
            .ToImmutableArray();

    private static string PackagePath(string id) => PackagePath(id, DownLevelVersions.Value[id]);

    private static string PackagePath(string id, string version) =>
        Path.Combine(Metadata("NuGetPackageRoot"), id.ToLowerInvariant(), version);

    private static readonly Lazy<IReadOnlyDictionary<string, string>> DownLevelVersions = new(() =>
        Metadata("DownLevelPackages").Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('/'))
            .ToDictionary(p => p[0], p => p[1], StringComparer.OrdinalIgnoreCase));

    private sealed record SetEntry(string Origin, MetadataReference Reference);
}
