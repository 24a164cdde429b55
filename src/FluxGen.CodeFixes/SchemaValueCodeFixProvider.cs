using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using FluxGen.Analysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;

namespace FluxGen.CodeFixes;

/// <summary>
/// Replaces a rejected constant with the valid one the analyzer computed: the nearest bound (FLUX001, FLUX002),
/// the nearest step (FLUX003), the closest allowed string (FLUX004) or the URL with the https scheme it lacks
/// (FLUX007), also for one possible value of a non-constant expression (FLUX009), at the constant where it is
/// written. Each kind of fix has its own equivalence key, so Fix All applies one kind across a document, project
/// or solution.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SchemaValueCodeFixProvider))]
[Shared]
public sealed class SchemaValueCodeFixProvider : CodeFixProvider
{
    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(Descriptors.BelowMinimum.Id, Descriptors.AboveMaximum.Id, Descriptors.OffStep.Id, Descriptors.UnknownString.Id, Descriptors.NotHttpUri.Id, Descriptors.MayBreakSchema.Id);

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
            if (!diagnostic.Properties.TryGetValue(FixProperties.Replacement, out var replacement) || replacement is null
                || !diagnostic.Properties.TryGetValue(FixProperties.Kind, out var kind) || kind is null)
            {
                continue;
            }

            // A value the flow analysis followed is reported where it is used and fixed where it is written.
            var written = diagnostic.AdditionalLocations.Count > 0 ? diagnostic.AdditionalLocations[0] : diagnostic.Location;
            if (written.SourceTree != diagnostic.Location.SourceTree || root.FindNode(written.SourceSpan, getInnermostNodeForTie: true) is not ExpressionSyntax value)
            {
                continue;
            }

            var document = context.Document;
            context.RegisterCodeFix(
                CodeAction.Create(
                    Title(kind, replacement),
                    cancellationToken => ReplaceAsync(document, value, replacement, cancellationToken),
                    equivalenceKey: kind),
                diagnostic);
        }
    }

    // Titles come from the same resources as the diagnostics, in the IDE's UI culture.
    private static string Title(string kind, string replacement) => string.Format(
        System.Globalization.CultureInfo.InvariantCulture,
        Descriptors.Messages.GetString(kind switch
        {
            FixProperties.Snap => "Fix_Snap",
            FixProperties.Closest => "Fix_Closest",
            FixProperties.AddScheme => "Fix_AddScheme",
            _ => "Fix_Clamp",
        })!,
        replacement);

    private static async Task<Document> ReplaceAsync(Document document, ExpressionSyntax value, string replacement, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        // The argument of a `name: value` or the right of `=` is replaced as a whole, keeping its trivia.
        var expression = SyntaxFactory.ParseExpression(replacement).WithTriviaFrom(value).WithAdditionalAnnotations(Formatter.Annotation);
        return document.WithSyntaxRoot(root.ReplaceNode(value, expression));
    }
}
