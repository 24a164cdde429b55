using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using FluxGen.Analysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace FluxGen.CodeFixes;

/// <summary>
/// "Did you mean": a type name the compiler cannot find (CS0246, or CS0234 after a namespace) that is a few edits
/// away from a model type FluxGen declares (in full or as a light form, so every documented model counts) gets a fix
/// per nearest model type that replaces it.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ModelTypeNameCodeFixProvider))]
[Shared]
public sealed class ModelTypeNameCodeFixProvider : CodeFixProvider
{
    /// <summary>At most this many suggestions, nearest first.</summary>
    private const int MaxSuggestions = 3;

    /// <summary>The generator's output trees are named after it; only types declared there are model types.</summary>
    private const string GeneratorPathPart = "FluxGen.FluxGenGenerator";

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("CS0246", "CS0234");

    /// <inheritdoc/>
    public override FixAllProvider? GetFixAllProvider() => null;

    /// <inheritdoc/>
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            if ((node as SimpleNameSyntax ?? (node as QualifiedNameSyntax)?.Right) is not IdentifierNameSyntax name)
            {
                continue;
            }

            var document = context.Document;
            foreach (var suggestion in Nearest(name.Identifier.ValueText, ModelTypeNames(model.Compilation, context.CancellationToken)))
            {
                context.RegisterCodeFix(
                    CodeAction.Create(
                        string.Format(System.Globalization.CultureInfo.InvariantCulture, Descriptors.Messages.GetString("Fix_ModelType")!, suggestion),
                        cancellationToken => RenameAsync(document, name, suggestion, cancellationToken),
                        equivalenceKey: "FluxGen.ModelType." + suggestion),
                    diagnostic);
            }
        }
    }

    /// <summary>The names nearest <paramref name="typed"/>, ignoring case first; a name further than about a quarter
    /// of its length away is a different word, not a slip.</summary>
    internal static IReadOnlyList<string> Nearest(string typed, IEnumerable<string> names)
    {
        var limit = Math.Max(2, typed.Length / 4);
        var folded = typed.ToLowerInvariant();
        return names
            .Select(n => (Name: n, Distance: TextRules.Distance(folded, n.ToLowerInvariant())))
            .Where(c => c.Distance <= limit && c.Name != typed)
            .OrderBy(c => c.Distance)
            .ThenBy(c => c.Name, StringComparer.Ordinal)
            .Take(MaxSuggestions)
            .Select(c => c.Name)
            .ToList();
    }

    private static IEnumerable<string> ModelTypeNames(Compilation compilation, CancellationToken cancellationToken) =>
        compilation.GetSymbolsWithName(IsModelTypeName, SymbolFilter.Type, cancellationToken)
            .Where(s => s.DeclaringSyntaxReferences.Any(r => r.SyntaxTree.FilePath.IndexOf(GeneratorPathPart, StringComparison.Ordinal) >= 0))
            .Select(s => s.Name)
            .Distinct(StringComparer.Ordinal);

    private static bool IsModelTypeName(string name) =>
        name.EndsWith("Request", StringComparison.Ordinal) || name.EndsWith("Params", StringComparison.Ordinal);

    private static async Task<Document> RenameAsync(Document document, IdentifierNameSyntax name, string replacement, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        var renamed = name.WithIdentifier(SyntaxFactory.Identifier(replacement).WithTriviaFrom(name.Identifier));
        return document.WithSyntaxRoot(root.ReplaceNode(name, renamed));
    }
}
