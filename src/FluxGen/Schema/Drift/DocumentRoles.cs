using System;
using System.Collections.Immutable;
using System.Linq;
using FluxGen.Schema.Model;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FluxGen.Schema.Drift;

/// <summary>
/// Which OpenAPI documents came with the package and which the project added. A project's document supersedes the
/// bundled one as a whole, so a newer copy of Apiframe's document replaces every document model at once.
/// </summary>
/// <param name="Bundled">Paths of the package's documents, sorted.</param>
/// <param name="Project">Paths of the documents the project added itself, sorted.</param>
internal sealed record DocumentRoles(EquatableArray<string> Bundled, EquatableArray<string> Project)
{
    /// <summary>The AdditionalFiles metadata the package's build targets set on the document they bundle, made
    /// visible to the compiler by <c>CompilerVisibleItemMetadata</c>.</summary>
    /// <remarks>Marked explicitly rather than guessed from the path: a project may well keep its own copy at
    /// <c>schema/apiframe/openapi.json</c>, and that copy must win, not be mistaken for the package's.</remarks>
    public const string BundledMetadata = "build_metadata.AdditionalFiles.FluxGenBundled";

    /// <summary>Whether a project document replaces the bundled one.</summary>
    public bool Supersedes => Project.Count > 0 && Bundled.Count > 0;

    /// <summary>Whether the options of an AdditionalFile mark it as the package's own.</summary>
    public static bool IsBundled(AnalyzerConfigOptions options) =>
        options.TryGetValue(BundledMetadata, out var value) && string.Equals(value.Trim(), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Splits the files that held document models into the package's and the project's.</summary>
    /// <param name="documentPaths">The file of every model read from a document (repeats allowed).</param>
    /// <param name="bundledPaths">Every AdditionalFile the package marked as bundled.</param>
    public static DocumentRoles From(ImmutableArray<string> documentPaths, ImmutableArray<string> bundledPaths)
    {
        var documents = documentPaths.Distinct(StringComparer.Ordinal).OrderBy(p => p, StringComparer.Ordinal).ToList();
        var bundled = bundledPaths.ToImmutableHashSet(StringComparer.Ordinal);
        return new DocumentRoles(
            documents.Where(bundled.Contains).ToEquatableArray(),
            documents.Where(p => !bundled.Contains(p)).ToEquatableArray());
    }

    /// <summary>Whether everything read from <paramref name="filePath"/> gives way to a project's document.</summary>
    public bool IsSuperseded(string filePath) => Project.Count > 0 && Contains(Bundled, filePath);

    /// <summary>Whether <paramref name="filePath"/> is one of the project's own documents.</summary>
    public bool IsProjectDocument(string filePath) => Contains(Project, filePath);

    private static bool Contains(EquatableArray<string> paths, string path)
    {
        foreach (var candidate in paths)
        {
            if (string.Equals(candidate, path, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
