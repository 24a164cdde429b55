using System;
using System.Collections.Generic;
using System.Linq;
using FluxGen.Schema.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace FluxGen.Targets;

/// <summary>
/// What the project's target framework gives the generated code. On net8.0 and later, everything: the runtime
/// sources compile as written. Below it (netstandard2.0/2.1, .NET Framework 4.6.2+), the sources take their
/// <c>FLUXGEN_DOWNLEVEL</c> branches (see <see cref="Emit.SupportSource.TextFor"/>), the types the compiler or the
/// sources need and the target lacks come as internal polyfills (Support/Polyfills/), and the packages of
/// <see cref="RequiredPackages"/> must be referenced: each one missing is a FLUXGEN022 error, and nothing is written.
/// </summary>
/// <param name="DownLevel">Whether the target is older than net8.0.</param>
/// <param name="Polyfills">The metadata names of the polyfill types to write: those the sources use and the
/// compilation cannot see, from its references or its own code.</param>
/// <param name="Missing">What the project must add (FLUXGEN022), in <see cref="RequiredPackages.All"/>'s order.</param>
/// <param name="TargetName">How the target is named in messages (<c>netstandard2.0</c>, <c>.NET Framework</c>).</param>
internal sealed record TargetSupport(bool DownLevel, EquatableArray<string> Polyfills, EquatableArray<RequiredPackage> Missing, string TargetName)
{
    /// <summary>The oldest C# the emitted code is written for: what net8.0 projects get by default.</summary>
    public const LanguageVersion MinimumLanguage = LanguageVersion.CSharp12;

    public static TargetSupport Modern { get; } = new(false, EquatableArray<string>.Empty, EquatableArray<RequiredPackage>.Empty, "net8.0");

    /// <summary>The project's C# version when it is older than <see cref="MinimumLanguage"/> (FLUXGEN023): a
    /// netstandard2.0 or .NET Framework project gets C# 7.3 unless it sets <c>LangVersion</c>.</summary>
    public string? OldLanguage { get; init; }

    /// <summary>Whether anything may be written: a missing package or an old C# would make the output fail to compile
    /// by the hundred, where FLUXGEN022 and FLUXGEN023 say in one line each what to add.</summary>
    public bool CanEmit => Missing.Count == 0 && OldLanguage is null;

    /// <summary>The polyfills FluxGen writes: those the target lacks, less those left to the project or PolySharp.</summary>
    public IEnumerable<string> PolyfillsWritten(PolyfillSetting setting) => Polyfills.Where(setting.Writes);

    /// <summary>The C# version off the parse options; the target off the reference scan (<paramref name="modern"/>:
    /// a net8.0+ core library is referenced) or, below net8.0, off the compilation's core library and type lookups.
    /// A modern project's compilation is not touched, so its references are not bound in the generator's time.</summary>
    public static TargetSupport From(Compilation compilation, ParseOptions? parseOptions, bool modern)
    {
        var language = parseOptions is CSharpParseOptions csharp && csharp.LanguageVersion < MinimumLanguage
            ? csharp.LanguageVersion.ToDisplayString()
            : null;
        var support = modern ? Modern : ReadTarget(compilation);
        return language is null ? support : support with { OldLanguage = language };
    }

    private static TargetSupport ReadTarget(Compilation compilation)
    {
        var core = compilation.GetSpecialType(SpecialType.System_Object).ContainingAssembly?.Identity;
        if (core is null || IsModernCore(core.Name, core.Version.Major))
        {
            return Modern;
        }

        var polyfills = new List<string>();
        foreach (var name in PolyfillTypes)
        {
            if (!Visible(compilation, name))
            {
                polyfills.Add(name);
            }
        }

        var missing = new List<RequiredPackage>();
        foreach (var package in RequiredPackages.All)
        {
            if (!package.IsPresent(compilation))
            {
                missing.Add(package);
            }
        }

        return new TargetSupport(true, polyfills.ToEquatableArray(), missing.ToEquatableArray(), NameOf(core));
    }

    /// <summary>The types the emitted code needs that a down-level target may lack, each written by the polyfill of
    /// the same name under Support/Polyfills/.</summary>
    internal static readonly string[] PolyfillTypes =
    {
        "System.Runtime.CompilerServices.IsExternalInit",
        "System.Diagnostics.CodeAnalysis.NotNullAttribute",
        "System.Diagnostics.CodeAnalysis.NotNullWhenAttribute",
        "System.Diagnostics.CodeAnalysis.DoesNotReturnAttribute",
        "System.Diagnostics.CodeAnalysis.ExperimentalAttribute",
    };

    /// <summary>Whether an assembly of this name and major version is the core library of net8.0 or later. net5.0 to
    /// net7.0 are System.Runtime too, but lack TimeProvider and more that the modern sources use; they take the
    /// down-level branches, whose packages serve them as well.</summary>
    internal static bool IsModernCore(string name, int major) =>
        name is "System.Runtime" or "System.Private.CoreLib" && major >= 8;

    private static string NameOf(AssemblyIdentity core) => core.Name switch
    {
        "netstandard" => core.Version.Minor >= 1 ? "netstandard2.1" : "netstandard2.0",
        "mscorlib" => ".NET Framework",
        _ => "this target framework",
    };

    /// <summary>Whether a type of that name can be used from the compilation's own code: its own declaration, or a
    /// public one (or one granted by InternalsVisibleTo) in a reference. System.Text.Json and others carry internal
    /// copies of these types, which do not count.</summary>
    internal static bool Visible(Compilation compilation, string metadataName)
    {
        // The lookup covers the compilation's own declarations as well as its references.
        foreach (var type in compilation.GetTypesByMetadataName(metadataName))
        {
            if (compilation.IsSymbolAccessibleWithin(type, compilation.Assembly))
            {
                return true;
            }
        }

        return false;
    }
}
