using System;
using System.Collections.Generic;
using System.IO;

namespace FluxGen.Emit;

/// <summary>One hand-written runtime file under Support/, as embedded in this assembly.</summary>
internal sealed class SupportSource
{
    private readonly Lazy<string> _internalText;
    private readonly Lazy<string> _embeddedText;
    private readonly bool _hasDownLevelBranch;
    private readonly Lazy<string> _unembeddedText;

    public SupportSource(string path, string hintName, string text)
    {
        Path = path;
        HintName = hintName;
        Text = text;
        var stem = System.IO.Path.GetFileNameWithoutExtension(path);
        _internalText = new Lazy<string>(() => AccessibilityRewriter.MakeInternal(text, stem, embedded: false));
        _embeddedText = new Lazy<string>(() => AccessibilityRewriter.MakeInternal(text, stem, embedded: true));
        _hasDownLevelBranch = text.IndexOf(DownLevelSymbol, StringComparison.Ordinal) >= 0;
        _unembeddedText = new Lazy<string>(() => text.Replace("    " + Visibility.EmbeddedAttributeLine + "\n", string.Empty));
    }

    /// <summary>The symbol the sources test for the branches written for targets older than net8.0 (netstandard2.0,
    /// .NET Framework). The generator defines it in each file it writes for such a target, from what the compilation
    /// has (Targets/TargetSupport), not from the project's TFM symbols, which a compilation need not define.</summary>
    public const string DownLevelSymbol = "FLUXGEN_DOWNLEVEL";

    /// <summary>The path under Support/, with <c>/</c> between folders (<c>Client/Http/ApiframeErrorReader.cs</c>).</summary>
    public string Path { get; }

    public string HintName { get; }

    /// <summary>The file as written: public types, headed as generated.</summary>
    public string Text { get; }

    /// <summary>Whether the file belongs to a light-up feature (Support/LightUp/), which has its own gate.</summary>
    public bool IsLightUp => Path.StartsWith("LightUp/", StringComparison.Ordinal);

    /// <summary>Whether the file belongs to the client (Support/Client/ and Support/Webhooks/, but for the two types every
    /// request implements or returns), which is written only where it is used (see <see cref="RuntimeParts"/>); the
    /// rest is the core the models need: constraints, markers, serialization and validation.</summary>
    public bool IsClient =>
        (Path.StartsWith("Client/", StringComparison.Ordinal) || Path.StartsWith("Webhooks/", StringComparison.Ordinal))
        && Path is not "Client/IApiframeRequest.cs" and not "Client/ApiframeModelInfo.cs";

    /// <summary>Whether the file belongs to the client's calls beyond jobs (files and uploads, LoRAs, assets, the
    /// catalogue and the account): written with the client only where the code names one of them (see
    /// <see cref="RuntimeInput.ExtrasHere"/>), since they are two fifths of the client's source and most apps only
    /// submit and wait.</summary>
    public bool IsClientExtra =>
        Path.StartsWith("Client/Files/", StringComparison.Ordinal)
        || Path.StartsWith("Client/Loras/", StringComparison.Ordinal)
        || Path.StartsWith("Client/Assets/", StringComparison.Ordinal)
        || Path.StartsWith("Client/Resources/", StringComparison.Ordinal)
        || Path is "Client/Json/ApiframeResourceReader.cs" or "Client/Json/ApiframeLoraReader.cs";

    /// <summary>Whether the file serves only targets older than net8.0 (Support/DownLevel/), which the newer
    /// frameworks cover themselves; part of the core.</summary>
    public bool IsDownLevelOnly => Path.StartsWith("DownLevel/", StringComparison.Ordinal);

    /// <summary>Whether the file is a polyfill (Support/Polyfills/), written only where the target lacks its type.</summary>
    public bool IsPolyfill => Path.StartsWith("Polyfills/", StringComparison.Ordinal);

    /// <summary>A polyfill's text: as written (marked <c>[Embedded]</c>), or without the mark where the compiler does
    /// not accept a definition of the attribute.</summary>
    public string PolyfillText(bool embedded) => embedded ? Text : _unembeddedText.Value;

    /// <summary>For a polyfill, the metadata name of the type it declares (its file name); otherwise null.</summary>
    public string? PolyfillType => IsPolyfill ? System.IO.Path.GetFileNameWithoutExtension(Path) : null;

    /// <summary>For a light-up file, its feature (the folder under LightUp/); otherwise null.</summary>
    public string? LightUpFeature => IsLightUp ? Path.Substring(8, Math.Max(0, Path.IndexOf('/', 8) - 8)) : null;

    /// <summary>The text for the given visibility; the internal forms are rewritten once per generator load. For a
    /// target older than net8.0, a file with <see cref="DownLevelSymbol"/> branches defines it below the header.</summary>
    public string TextFor(Visibility visibility, bool downLevel = false)
    {
        var text = !visibility.Internal ? Text : visibility.Embedded ? _embeddedText.Value : _internalText.Value;
        return downLevel && _hasDownLevelBranch && text.StartsWith(Header.Text, StringComparison.Ordinal)
            ? text.Insert(Header.Text.Length, "#define " + DownLevelSymbol + "\n")
            : text;
    }
}

/// <summary>The hand-written runtime under Support/, embedded in this assembly and emitted into consumers.</summary>
internal static class SupportSources
{
    private const string Prefix = "FluxGen.Support.";

    private static readonly IReadOnlyList<SupportSource> Sources = Load();

    public static IReadOnlyList<SupportSource> All => Sources;

    private static IReadOnlyList<SupportSource> Load()
    {
        var assembly = typeof(SupportSources).Assembly;
        var sources = new List<SupportSource>();
        foreach (var name in assembly.GetManifestResourceNames())
        {
            if (!name.StartsWith(Prefix, StringComparison.Ordinal) || !name.EndsWith(".cs", StringComparison.Ordinal))
            {
                continue;
            }

            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            var path = name.Substring(Prefix.Length).Replace('\\', '/');
            var hintName = "FluxGen." + path.Substring(0, path.Length - 3).Replace('/', '.') + ".g.cs";
            sources.Add(new SupportSource(path, hintName, Header.Text + "\n" + reader.ReadToEnd()));
        }

        sources.Sort((a, b) => string.CompareOrdinal(a.HintName, b.HintName));
        return sources;
    }
}
