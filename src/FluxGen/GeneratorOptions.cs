using System.Linq;
using FluxGen.Schema.Model;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FluxGen;

/// <summary>The MSBuild properties the output depends on (made visible by the package's build props).</summary>
internal sealed record GeneratorOptions(string Namespace, Emit.Visibility Visibility, string? InvalidVisibility = null)
{
    public const string DefaultNamespace = "Apiframe";

    /// <summary>The model ids <c>FluxGenModels</c> lists, sorted; empty when it is unset, empty or <c>*</c>.</summary>
    public EquatableArray<string> Models { get; init; } = EquatableArray<string>.Empty;

    /// <summary>Whether internal types written for the project alone (the polyfills) may carry
    /// <c>[Microsoft.CodeAnalysis.Embedded]</c>: the compiler accepts the attribute and <c>FluxGenEmbeddedAttribute</c>
    /// does not turn it off. Read apart from <see cref="Visibility"/>, which drops it for public output.</summary>
    public bool EmbeddedAllowed { get; init; }

    /// <summary>Which polyfills FluxGen writes below net8.0 (<c>FluxGenPolyfills</c>, PolySharp's presence).</summary>
    public Targets.PolyfillSetting Polyfills { get; init; } = Targets.PolyfillSetting.Default;

    /// <summary>Whether <c>FluxGenModels</c> is <c>*</c>: every model's types are written, named in code or not.</summary>
    public bool EveryModel { get; init; }

    public static GeneratorOptions From(AnalyzerConfigOptions options)
    {
        options.TryGetValue("build_property.FluxGenNamespace", out var ns);
        options.TryGetValue("build_property.FluxGenVisibility", out var visibility);
        options.TryGetValue("build_property.FluxGenEmbeddedAttribute", out var embedded);
        var (parsed, valid) = Emit.Visibility.Parse(visibility, embedded);
        // The package passes <FluxGenModels> as FluxGenModelList, commas for semicolons (';' starts a comment in the
        // file the compiler reads build properties from); FluxGenModels itself is read where it is passed as is.
        if (!options.TryGetValue("build_property.FluxGenModelList", out var models) || string.IsNullOrWhiteSpace(models))
        {
            options.TryGetValue("build_property.FluxGenModels", out models);
        }

        return new GeneratorOptions(IsValidNamespace(ns) ? ns!.Trim() : DefaultNamespace, parsed, valid ? null : visibility!.Trim()) { Models = ParseModels(models), EveryModel = IsStar(models), EmbeddedAllowed = Emit.Visibility.Parse("internal", embedded).Value.Embedded, Polyfills = Targets.PolyfillSetting.From(options) };
    }

    /// <summary>Whether the model's types are written: a <c>FluxGenModels</c> list decides alone; <c>*</c> writes every
    /// model; unset, a schema file's model is always written and a document's once the code names it.</summary>
    /// <param name="modelId">The model.</param>
    /// <param name="fromDocument">Whether it comes from an OpenAPI document rather than a schema file of its own.</param>
    /// <param name="named">Whether the project's code names its request or params type.</param>
    public bool Emits(string modelId, bool fromDocument, bool named)
    {
        if (Models.Count == 0)
        {
            return EveryModel || !fromDocument || named;
        }

        foreach (var id in Models)
        {
            if (string.Equals(id, modelId, System.StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsStar(string? list) =>
        list is not null && list.Split(new[] { ';', ',', ' ', '\t' }).Any(id => id.Trim() == "*");

    private static EquatableArray<string> ParseModels(string? list)
    {
        if (string.IsNullOrWhiteSpace(list))
        {
            return EquatableArray<string>.Empty;
        }

        var ids = list!.Split(new[] { ';', ',', ' ', '\t' }).Select(id => id.Trim()).Where(id => id.Length > 0).Distinct().OrderBy(id => id, System.StringComparer.Ordinal).ToList();
        return ids.Contains("*") ? EquatableArray<string>.Empty : ids.ToEquatableArray();
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
