using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using FluxGen.Schema.Model;
using Microsoft.CodeAnalysis;

namespace FluxGen.Schema.Drift;

/// <summary>A schema file that replaces a document's branch (FLUXGEN041) and does not say all the branch says.</summary>
/// <param name="Location">The file's <c>x-apiframe.model</c>, where the model is claimed.</param>
/// <param name="Missing">The document's members the file lacks, comma-separated, or a dash.</param>
/// <param name="Bounds">The bounds that differ, comma-separated, or a dash.</param>
internal sealed record OverrideReport(SourceSpan Location, string File, string ModelId, string Document, string Missing, string Bounds);

/// <summary>Reports, for each schema file that wins over a document model, where the two differ (FLUXGEN045), so a
/// member the API takes and the file forgot shows in the build rather than in a refused request.</summary>
internal static class OverridePipeline
{
    private const string Nothing = "—";

    /// <param name="kept">The results that remain once a project's document superseded the bundled one: a file is
    /// compared with the document the build actually uses.</param>
    public static void Register(IncrementalGeneratorInitializationContext context, IncrementalValueProvider<ImmutableArray<SchemaParseResult>> kept)
    {
        var reports = kept
            .Select(static (results, _) => Find(results))
            .WithTrackingName(FluxGenGenerator.Steps.Overrides);

        context.RegisterSourceOutput(reports, static (spc, found) =>
        {
            foreach (var report in found)
            {
                spc.ReportDiagnostic(Diagnostic.Create(
                    Descriptors.SchemaFileDiffers,
                    report.Location.ToLocation(),
                    report.File,
                    report.ModelId,
                    report.Document,
                    report.Missing,
                    report.Bounds));
            }
        });
    }

    public static EquatableArray<OverrideReport> Find(ImmutableArray<SchemaParseResult> results)
    {
        // Two documents defining a model (FLUXGEN007) or two files (the same): the first by path is the one that wins.
        var documents = new Dictionary<string, ModelSpec>(StringComparer.Ordinal);
        var files = new Dictionary<string, SchemaParseResult>(StringComparer.Ordinal);
        foreach (var result in results.OrderBy(r => r.FilePath, StringComparer.Ordinal).ThenBy(r => r.ClaimLocation?.Span.Start ?? 0))
        {
            if (result.Model is not { } model)
            {
                continue;
            }

            if (result.FromDocument)
            {
                if (!documents.ContainsKey(model.ModelId))
                {
                    documents[model.ModelId] = model;
                }
            }
            else if (!files.ContainsKey(model.ModelId))
            {
                files[model.ModelId] = result;
            }
        }

        var reports = new List<OverrideReport>();
        foreach (var pair in files.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (!documents.TryGetValue(pair.Key, out var document))
            {
                continue;
            }

            var file = pair.Value;
            var differences = OverrideDiff.Compare(file.Model!, document);
            if (differences.Any)
            {
                reports.Add(new OverrideReport(
                    file.ClaimLocation ?? new SourceSpan(file.FilePath, default, default),
                    System.IO.Path.GetFileName(file.FilePath),
                    pair.Key,
                    System.IO.Path.GetFileName(document.FilePath),
                    List(differences.Missing),
                    List(differences.Bounds)));
            }
        }

        return reports.ToEquatableArray();
    }

    private static string List(IReadOnlyList<string> items) => items.Count == 0 ? Nothing : string.Join(", ", items);
}
