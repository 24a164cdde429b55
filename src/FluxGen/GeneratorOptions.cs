using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FluxGen;

/// <summary>The MSBuild properties the output depends on (made visible by the package's build props).</summary>
internal sealed record GeneratorOptions(string Namespace)
{
    public const string DefaultNamespace = "Apiframe";

    public static GeneratorOptions From(AnalyzerConfigOptions options)
    {
        options.TryGetValue("build_property.FluxGenNamespace", out var ns);
        return new GeneratorOptions(IsValidNamespace(ns) ? ns!.Trim() : DefaultNamespace);
    }

    private static bool IsValidNamespace(string? ns)
    {
        if (string.IsNullOrWhiteSpace(ns))
        {
            return false;
        }

        foreach (var part in ns!.Trim().Split('.'))
        {
            if (!SyntaxFacts.IsValidIdentifier(part) || SyntaxFacts.GetKeywordKind(part) != SyntaxKind.None)
            {
                return false;
            }
        }

        return true;
    }
}
