using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using FluxGen.Schema.Model;
using Microsoft.CodeAnalysis.Text;

namespace FluxGen.Schema.Drift;

/// <summary>A type of a model the bundled document defines and the project's document does not.</summary>
internal sealed record RemovedType(string TypeName, string ModelId);

/// <summary>What the project's document changed against the bundled one, reported once per build.</summary>
/// <param name="Location">The start of the (first) project document.</param>
/// <param name="Documents">The project documents' file names.</param>
/// <param name="BundledDocument">The bundled document's file name.</param>
/// <param name="Added">Model ids only the project's document defines.</param>
/// <param name="Removed">Model ids only the bundled document defines.</param>
/// <param name="Changed">Each changed model with its changes, <c>id (change; change)</c>.</param>
/// <param name="RemovedTypes">The request and params types of the removed models, to name them where code uses them.</param>
internal sealed record DriftReport(
    SourceSpan Location,
    string Documents,
    string BundledDocument,
    EquatableArray<string> Added,
    EquatableArray<string> Removed,
    EquatableArray<string> Changed,
    EquatableArray<RemovedType> RemovedTypes)
{
    /// <summary>No project document supersedes a bundled one: nothing to report.</summary>
    public static readonly DriftReport None = new(
        new SourceSpan(string.Empty, default, default), string.Empty, string.Empty,
        EquatableArray<string>.Empty, EquatableArray<string>.Empty, EquatableArray<string>.Empty, EquatableArray<RemovedType>.Empty);

    public bool Applies => Documents.Length > 0;
}

/// <summary>Compares the models of the project's document with the bundled document's, model by model.</summary>
internal static class DocumentDrift
{
    private const string Nothing = "—";

    /// <param name="documentModels">Every model read from any document, the superseded one included.</param>
    public static DriftReport Compare(ImmutableArray<SchemaParseResult> documentModels, DocumentRoles roles)
    {
        if (!roles.Supersedes)
        {
            return DriftReport.None;
        }

        var bundled = new Dictionary<string, ModelSpec>(StringComparer.Ordinal);
        var project = new Dictionary<string, ModelSpec>(StringComparer.Ordinal);
        foreach (var result in documentModels.OrderBy(r => r.FilePath, StringComparer.Ordinal))
        {
            // The drift names models; an action or a call body changes with the client, not as a model.
            if (result.Model is not { } model || model.Operation is not null)
            {
                continue;
            }

            // Two project documents defining one model are FLUXGEN007 elsewhere; the first by path is compared here.
            var side = roles.IsProjectDocument(result.FilePath) ? project : bundled;
            if (!side.ContainsKey(model.ModelId))
            {
                side[model.ModelId] = model;
            }
        }

        var added = project.Keys.Where(id => !bundled.ContainsKey(id)).OrderBy(id => id, StringComparer.Ordinal).ToEquatableArray();
        var removed = bundled.Keys.Where(id => !project.ContainsKey(id)).OrderBy(id => id, StringComparer.Ordinal).ToList();
        var changed = project
            .Where(pair => bundled.ContainsKey(pair.Key))
            .Select(pair => (Id: pair.Key, Changes: ModelDiff.Compare(bundled[pair.Key], pair.Value)))
            .Where(entry => entry.Changes.Count > 0)
            .OrderBy(entry => entry.Id, StringComparer.Ordinal)
            .Select(entry => $"{entry.Id} ({string.Join("; ", entry.Changes)})")
            .ToEquatableArray();
        // A type name the project's document still generates (a renamed model keeping its params type) is not gone.
        var kept = new HashSet<string>(project.Values.SelectMany(TypesOf).Select(o => o.TypeName), StringComparer.Ordinal);
        var removedTypes = removed
            .SelectMany(id => TypesOf(bundled[id]).Where(o => !kept.Contains(o.TypeName)).Select(o => new RemovedType(o.TypeName, id)))
            .ToEquatableArray();

        var first = roles.Project[0];
        return new DriftReport(
            new SourceSpan(first, default, default),
            string.Join(", ", roles.Project.Select(System.IO.Path.GetFileName)),
            string.Join(", ", roles.Bundled.Select(System.IO.Path.GetFileName)),
            added,
            removed.ToEquatableArray(),
            changed,
            removedTypes);
    }

    /// <summary>The message arguments: the documents, then the added, removed and changed lists.</summary>
    public static object[] Arguments(DriftReport report) => new object[]
    {
        report.Documents,
        report.BundledDocument,
        List(report.Added),
        List(report.Removed),
        List(report.Changed),
    };

    private static IEnumerable<ObjectSpec> TypesOf(ModelSpec model) => new[] { model.Request }.Concat(model.NestedObjects);

    private static string List(EquatableArray<string> items) => items.Count == 0 ? Nothing : string.Join(", ", items);
}
