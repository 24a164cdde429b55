using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using FluxGen.Analysis.Secrets;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace FluxGen.CodeFixes;

/// <summary>
/// FLUX051: replaces a key literal with <c>Environment.GetEnvironmentVariable("APIFRAME_API_KEY")</c>. A <c>const</c>
/// field becomes <c>static readonly</c> and a <c>const</c> local a plain one, since a call is not a constant; where C#
/// demands a constant (attribute arguments, case labels, parameter defaults) no fix is offered.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ApiKeyLiteralCodeFixProvider))]
[Shared]
public sealed class ApiKeyLiteralCodeFixProvider : CodeFixProvider
{
    private const string EquivalenceKey = "FluxGen.ReadApiKeyFromEnvironment";

    // Finds the call again after the literal is swapped, to adjust the declaration that holds it.
    private static readonly SyntaxAnnotation Marker = new("FluxGen.ApiKeyReplacement");

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(Descriptors.ApiKeyInSource.Id);

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
            if (!diagnostic.Properties.ContainsKey(ApiKeyLiteralAnalyzer.WholeLiteralProperty)
                || root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not LiteralExpressionSyntax literal
                || NeedsConstant(literal))
            {
                continue;
            }

            var document = context.Document;
            context.RegisterCodeFix(
                CodeAction.Create(Descriptors.Messages.GetString("Fix_ReadKeyFromEnvironment")!, cancellationToken => ReplaceAsync(document, literal, cancellationToken), equivalenceKey: EquivalenceKey),
                diagnostic);
        }
    }

    private static bool NeedsConstant(SyntaxNode literal) =>
        literal.Ancestors().Any(a => a is AttributeArgumentSyntax or CaseSwitchLabelSyntax or ConstantPatternSyntax or ParameterSyntax);

    private static async Task<Document> ReplaceAsync(Document document, LiteralExpressionSyntax literal, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        // `Environment` where the file already sees System's (a using, or the SDK's implicit usings), else qualified.
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        var shortName = model?.GetSpeculativeSymbolInfo(literal.SpanStart, SyntaxFactory.IdentifierName("Environment"), SpeculativeBindingOption.BindAsExpression).Symbol;
        var type = shortName is INamedTypeSymbol { Name: "Environment", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } }
            ? "Environment"
            : "System.Environment";
        var call = SyntaxFactory.ParseExpression(type + ".GetEnvironmentVariable(\"APIFRAME_API_KEY\")").WithTriviaFrom(literal);
        var declaration = literal.FirstAncestorOrSelf<MemberDeclarationSyntax>() as FieldDeclarationSyntax;
        var local = literal.FirstAncestorOrSelf<LocalDeclarationStatementSyntax>();
        root = root.ReplaceNode(literal, call.WithAdditionalAnnotations(Marker));

        if (declaration is not null && declaration.Modifiers.Any(SyntaxKind.ConstKeyword))
        {
            var field = root.GetAnnotatedNodes(Marker).First().FirstAncestorOrSelf<FieldDeclarationSyntax>()!;
            var modifiers = SyntaxFactory.TokenList(field.Modifiers.SelectMany(m => m.IsKind(SyntaxKind.ConstKeyword)
                ? new[] { SyntaxFactory.Token(SyntaxKind.StaticKeyword).WithLeadingTrivia(m.LeadingTrivia).WithTrailingTrivia(SyntaxFactory.Space), SyntaxFactory.Token(SyntaxKind.ReadOnlyKeyword).WithTrailingTrivia(m.TrailingTrivia) }
                : new[] { m }));
            root = root.ReplaceNode(field, field.WithModifiers(modifiers));
        }
        else if (local is not null && local.IsConst)
        {
            var statement = root.GetAnnotatedNodes(Marker).First().FirstAncestorOrSelf<LocalDeclarationStatementSyntax>()!;
            var constKeyword = statement.Modifiers.First(m => m.IsKind(SyntaxKind.ConstKeyword));
            var updated = statement.WithModifiers(statement.Modifiers.Remove(constKeyword));
            updated = updated.WithLeadingTrivia(statement.GetLeadingTrivia());
            root = root.ReplaceNode(statement, updated);
        }

        return document.WithSyntaxRoot(root);
    }
}
