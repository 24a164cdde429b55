using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using FluxGen.Analysis.Dependencies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace FluxGen.CodeFixes;

/// <summary>
/// FLUX050: removes the member that needs another one from the initializer. Removing is the one edit that is always
/// right; adding the missing member would need a value only the author knows (an image URL, say).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(DependentMemberCodeFixProvider))]
[Shared]
public sealed class DependentMemberCodeFixProvider : CodeFixProvider
{
    private const string EquivalenceKey = "FluxGen.RemoveDependentMember";

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(Descriptors.DependentMemberMissing.Id);

    /// <inheritdoc/>
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc/>
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            // Only a member written in an initializer can go; a constructor argument cannot be dropped this way.
            if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not AssignmentExpressionSyntax { Parent: InitializerExpressionSyntax } assignment)
            {
                continue;
            }

            diagnostic.Properties.TryGetValue(DependentMemberAnalyzer.MemberProperty, out var member);
            var document = context.Document;
            context.RegisterCodeFix(
                CodeAction.Create(
                    string.Format(System.Globalization.CultureInfo.InvariantCulture, Descriptors.Messages.GetString("Fix_RemoveDependent")!, member ?? assignment.Left.ToString()),
                    cancellationToken => RemoveAsync(document, assignment, cancellationToken),
                    equivalenceKey: EquivalenceKey),
                diagnostic);
        }
    }

    private static async Task<Document> RemoveAsync(Document document, AssignmentExpressionSyntax assignment, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root?.RemoveNode(assignment, SyntaxRemoveOptions.KeepNoTrivia) is not { } updated)
        {
            return document;
        }

        return document.WithSyntaxRoot(updated);
    }
}
