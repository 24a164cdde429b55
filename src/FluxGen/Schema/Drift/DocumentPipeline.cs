using System;
using System.Collections.Immutable;
using System.Linq;
using FluxGen.Schema.Model;
using FluxGen.Usage;
using Microsoft.CodeAnalysis;

namespace FluxGen.Schema.Drift;

/// <summary>
/// The steps that let a project's own OpenAPI document supersede the bundled one: which documents are whose, the
/// models that remain, the drift report and the uses of removed models. Every step caches on plain data, so an edit
/// to a file unrelated to either document reruns none of them.
/// </summary>
internal static class DocumentPipeline
{
    /// <summary>Which documents are the package's and which the project's.</summary>
    public static IncrementalValueProvider<DocumentRoles> Roles(IncrementalGeneratorInitializationContext context, IncrementalValueProvider<ImmutableArray<SchemaParseResult>> all)
    {
        var bundled = context.AdditionalTextsProvider
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Where(static pair => DocumentRoles.IsBundled(pair.Right.GetOptions(pair.Left)))
            .Select(static (pair, _) => pair.Left.Path)
            .Collect();

        // Read off the collected results rather than through a step per result: a document yields a hundred results,
        // and every per-result step is driver work for each of them in every build.
        return all
            .Combine(bundled)
            .Select(static (input, _) => DocumentRoles.From(DocumentPaths(input.Left), input.Right))
            .WithTrackingName(FluxGenGenerator.Steps.Documents);
    }

    /// <summary>Every result but those of a bundled document a project's document supersedes: its models, claims
    /// and diagnostics are gone as a whole, so nothing of the older document competes with the newer one. One step
    /// over the collected results that yields each kept result as its own value, so what follows stays per model.</summary>
    public static IncrementalValuesProvider<SchemaParseResult> Kept(IncrementalValueProvider<ImmutableArray<SchemaParseResult>> all, IncrementalValueProvider<DocumentRoles> roles) =>
        all
            .Combine(roles)
            .SelectMany(static (input, _) => input.Right.Supersedes ? input.Left.RemoveAll(result => input.Right.IsSuperseded(result.FilePath)) : input.Left);

    private static ImmutableArray<string> DocumentPaths(ImmutableArray<SchemaParseResult> results)
    {
        var paths = ImmutableArray.CreateBuilder<string>();
        foreach (var result in results)
        {
            // A document's results come together, so this keeps one path per document in the usual case.
            if (result.FromDocument && (paths.Count == 0 || !string.Equals(paths[paths.Count - 1], result.FilePath, StringComparison.Ordinal)))
            {
                paths.Add(result.FilePath);
            }
        }

        return paths.ToImmutable();
    }

    /// <summary>Reports the drift once per build, and each use of a removed model's type where it is written.</summary>
    public static void Register(
        IncrementalGeneratorInitializationContext context,
        IncrementalValueProvider<ImmutableArray<SchemaParseResult>> all,
        IncrementalValueProvider<DocumentRoles> roles,
        IncrementalValueProvider<EquatableArray<ModelClaim>> claims)
    {
        var drift = all
            .Combine(roles)
            .Select(static (input, _) => DocumentDrift.Compare(input.Left.RemoveAll(static result => !result.FromDocument || result.Model is null), input.Right))
            .WithTrackingName(FluxGenGenerator.Steps.Drift);

        context.RegisterSourceOutput(drift, static (spc, report) =>
        {
            if (report.Applies)
            {
                spc.ReportDiagnostic(Diagnostic.Create(Descriptors.DocumentDrift, report.Location.ToLocation(), DocumentDrift.Arguments(report)));
            }
        });

        // A hand-written schema file still defines its model when the document drops it: that model is not gone.
        var removed = drift
            .Combine(claims)
            .Select(static (input, _) => (
                Document: input.Left.Documents,
                Types: input.Left.RemovedTypes
                    .Where(t => !input.Right.Any(c => !c.FromDocument && string.Equals(c.ModelId, t.ModelId, StringComparison.Ordinal)))
                    .ToEquatableArray()));

        var uses = context.SyntaxProvider
            .CreateSyntaxProvider(static (node, _) => ModelUsage.IsCandidate(node), static (syntax, _) => NamedUse.From(syntax.Node))
            .Combine(removed)
            .Select(static (input, _) => Match(input.Left, input.Right.Document, input.Right.Types))
            .Where(static use => use is not null)
            .Select(static (use, _) => use!)
            .WithTrackingName(FluxGenGenerator.Steps.RemovedUse);

        context.RegisterSourceOutput(uses, static (spc, use) =>
            spc.ReportDiagnostic(Diagnostic.Create(Descriptors.RemovedModelUsed, use.Use.Location.ToLocation(), use.ModelId, use.Document, use.Use.Name)));
    }

    private static RemovedUse? Match(NamedUse use, string document, EquatableArray<RemovedType> removed)
    {
        foreach (var type in removed)
        {
            if (string.Equals(type.TypeName, use.Name, StringComparison.Ordinal))
            {
                return new RemovedUse(use, type.ModelId, document);
            }
        }

        return null;
    }
}
