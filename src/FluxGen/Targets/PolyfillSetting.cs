using System;
using System.Linq;
using FluxGen.Schema.Model;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FluxGen.Targets;

/// <summary>
/// Which of the polyfills a down-level target needs FluxGen writes itself. PolySharp, the usual source of them, is a
/// generator too: FluxGen cannot see its output (both read the same compilation), and two definitions of one type
/// fail the build. So where PolySharp's build properties reach the compiler, the types PolySharp writes are left to it
/// (its include and exclude lists honoured); <c>&lt;FluxGenPolyfills&gt;false&lt;/FluxGenPolyfills&gt;</c> leaves every
/// polyfill to the project, and <c>true</c> writes them all whatever else is there.
/// </summary>
/// <param name="Explicit">The <c>FluxGenPolyfills</c> setting, when it is <c>true</c> or <c>false</c>.</param>
/// <param name="PolySharp">Whether PolySharp's build properties are visible to the compiler.</param>
/// <param name="PolySharpIncludes">PolySharp's <c>PolySharpIncludeGeneratedTypes</c> (empty: every type).</param>
/// <param name="PolySharpExcludes">PolySharp's <c>PolySharpExcludeGeneratedTypes</c>.</param>
internal sealed record PolyfillSetting(bool? Explicit, bool PolySharp, EquatableArray<string> PolySharpIncludes, EquatableArray<string> PolySharpExcludes)
{
    public static PolyfillSetting Default { get; } = new(null, false, EquatableArray<string>.Empty, EquatableArray<string>.Empty);

    public static PolyfillSetting From(AnalyzerConfigOptions options)
    {
        options.TryGetValue("build_property.FluxGenPolyfills", out var setting);
        bool? explicitSetting = setting?.Trim().ToLowerInvariant() switch
        {
            "true" => true,
            "false" => false,
            _ => null,
        };

        // PolySharp's targets make these properties compiler-visible, so the keys exist (empty when unset) exactly
        // where PolySharp is referenced.
        var polySharp = options.TryGetValue("build_property.PolySharpExcludeGeneratedTypes", out var excludes);
        options.TryGetValue("build_property.PolySharpIncludeGeneratedTypes", out var includes);
        return new PolyfillSetting(explicitSetting, polySharp, List(includes), List(excludes));
    }

    /// <summary>Whether FluxGen writes the polyfill for <paramref name="metadataName"/> (one the target lacks).</summary>
    public bool Writes(string metadataName)
    {
        if (Explicit is { } value)
        {
            return value;
        }

        if (!PolySharp)
        {
            return true;
        }

        var polySharpWrites = (PolySharpIncludes.Count == 0 || Contains(PolySharpIncludes, metadataName)) && !Contains(PolySharpExcludes, metadataName);
        return !polySharpWrites;
    }

    private static bool Contains(EquatableArray<string> names, string name) => names.AsImmutableArray().Contains(name, StringComparer.Ordinal);

    private static EquatableArray<string> List(string? text) =>
        string.IsNullOrWhiteSpace(text)
            ? EquatableArray<string>.Empty
            : text!.Split(new[] { ',', ';', ' ', '\t' }, StringSplitOptions.RemoveEmptyEntries).Select(n => n.Trim()).OrderBy(n => n, StringComparer.Ordinal).ToEquatableArray();
}
