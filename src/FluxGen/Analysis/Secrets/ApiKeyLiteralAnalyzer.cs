using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FluxGen.Analysis.Secrets;

/// <summary>
/// FLUX051: a string literal anywhere in the project (code, field initializers, attributes, raw and UTF-8 literals,
/// the text parts of interpolated strings) that holds something shaped like an Apiframe API key. It reads tokens
/// only, no semantic model, so it costs one scan of each string's text; a key assembled from pieces
/// (<c>"afk_" + rest</c>) is not seen.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ApiKeyLiteralAnalyzer : DiagnosticAnalyzer
{
    /// <summary>The diagnostic property set when the key is the whole literal, so replacing it keeps the meaning.</summary>
    internal const string WholeLiteralProperty = "WholeLiteral";

    private static readonly ImmutableDictionary<string, string?> WholeLiteral = ImmutableDictionary<string, string?>.Empty.Add(WholeLiteralProperty, "true");

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.ApiKeyInSource);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterSyntaxTreeAction(AnalyzeTree);
    }

    private static void AnalyzeTree(SyntaxTreeAnalysisContext context)
    {
        // A file without the prefix anywhere has no key literal (escapes aside): one ordinal search, and a tree's text
        // is usually held as one string, so this neither copies nor walks the tree.
        if (context.Tree.GetText(context.CancellationToken).ToString().IndexOf(ApiKeyShape.Prefix, System.StringComparison.Ordinal) < 0)
        {
            return;
        }

        var root = context.Tree.GetRoot(context.CancellationToken);
        foreach (var token in root.DescendantTokens(descendIntoTrivia: false))
        {
            switch (token.Kind())
            {
                case SyntaxKind.StringLiteralToken:
                case SyntaxKind.Utf8StringLiteralToken:
                case SyntaxKind.SingleLineRawStringLiteralToken:
                case SyntaxKind.MultiLineRawStringLiteralToken:
                case SyntaxKind.Utf8SingleLineRawStringLiteralToken:
                case SyntaxKind.Utf8MultiLineRawStringLiteralToken:
                case SyntaxKind.InterpolatedStringTextToken:
                    Check(context, token);
                    break;
            }
        }
    }

    private static void Check(SyntaxTreeAnalysisContext context, SyntaxToken token)
    {
        var text = token.ValueText;
        if (text.Length < ApiKeyShape.Prefix.Length + ApiKeyShape.MinimumBodyLength)
        {
            return;
        }

        var (start, length) = ApiKeyShape.Find(text);
        if (start < 0)
        {
            return;
        }

        var whole = start == 0 && length == text.Length && token.IsKind(SyntaxKind.StringLiteralToken);
        context.ReportDiagnostic(Diagnostic.Create(Descriptors.ApiKeyInSource, token.GetLocation(), whole ? WholeLiteral : null));
    }
}
