using System;
using Microsoft.CodeAnalysis;

namespace FluxGen.Emit;

/// <summary>
/// How visible generated and runtime types are (<c>FluxGenVisibility</c>): public by default, so referencing projects
/// reuse them; or internal to the project, each internal type then also marked
/// <c>[Microsoft.CodeAnalysis.Embedded]</c> so that no other compilation sees it, even through InternalsVisibleTo.
/// </summary>
internal sealed record Visibility(bool Internal, bool Embedded)
{
    public const string EmbeddedAttributeLine = "[global::Microsoft.CodeAnalysis.Embedded]";

    /// <summary>Compilers before Roslyn 4.13 (.NET SDK 9.0.200, Visual Studio 17.13) reserve the name
    /// <c>Microsoft.CodeAnalysis.EmbeddedAttribute</c> (CS8336 when they synthesize it themselves), so a definition
    /// in source is only written for a compiler that accepts one. The version is the compiler hosting this generator.</summary>
    private static readonly bool CompilerAcceptsEmbedded = typeof(Compilation).Assembly.GetName().Version >= new Version(4, 13);

    public static Visibility Public { get; } = new(false, false);

    /// <summary>The keyword for a top-level generated type.</summary>
    public string Keyword => Internal ? "internal" : "public";

    /// <summary>Reads <c>FluxGenVisibility</c> (<c>public</c> or <c>internal</c>, any case) and the escape hatch
    /// <c>FluxGenEmbeddedAttribute</c> (<c>false</c> when another generator already defines the attribute in a way
    /// that clashes, <c>true</c> to force it).</summary>
    public static (Visibility Value, bool Valid) Parse(string? visibility, string? embedded)
    {
        var text = visibility?.Trim() ?? string.Empty;
        var isInternal = string.Equals(text, "internal", StringComparison.OrdinalIgnoreCase);
        var valid = isInternal || text.Length == 0 || string.Equals(text, "public", StringComparison.OrdinalIgnoreCase);
        var useEmbedded = embedded?.Trim().ToLowerInvariant() switch
        {
            "true" => true,
            "false" => false,
            _ => CompilerAcceptsEmbedded,
        };
        return (isInternal ? new Visibility(true, useEmbedded) : Public, valid);
    }

    /// <summary>Writes the embedded marker before a top-level type, when there is one.</summary>
    public void WriteAttribute(CodeWriter writer)
    {
        if (Internal && Embedded)
        {
            writer.Line(EmbeddedAttributeLine);
        }
    }
}
