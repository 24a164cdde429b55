using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace FluxGen.Emit;

/// <summary>
/// Turns a hand-written Support/ file (ordinary public C#, compiled and unit-tested as it is) into its internal form:
/// each top-level type's <c>public</c> becomes <c>internal</c> and, when asked, gets
/// <c>[Microsoft.CodeAnalysis.Embedded]</c>. Done on the parsed syntax rather than by text replacement or a
/// placeholder, so the files stay plain C# that the runtime tests compile, and members, nested types and the words
/// "public" in comments and strings are never touched. Edits are applied as text changes, so comments and layout stay
/// exactly as written.
/// </summary>
internal static class AccessibilityRewriter
{
    public static string MakeInternal(string text, string fileStem, bool embedded)
    {
        var source = SourceText.From(text);
        var root = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.CSharp12)).GetCompilationUnitRoot();
        var changes = new List<TextChange>();
        foreach (var type in TopLevelTypes(root))
        {
            var modifiers = type.Modifiers;
            var first = type.AttributeLists.Count > 0 ? type.AttributeLists.Last().GetLastToken().GetNextToken() : type.GetFirstToken();
            if (embedded && NeedsEmbedded(type, fileStem))
            {
                // Partial declarations share one attribute list, and the attribute allows no repeats: only the
                // declaration in the file named for the type carries it.
                var indent = source.ToString(TextSpan.FromBounds(source.Lines.GetLineFromPosition(first.SpanStart).Start, first.SpanStart));
                changes.Add(new TextChange(new TextSpan(first.SpanStart, 0), Visibility.EmbeddedAttributeLine + "\n" + indent));
            }

            foreach (var modifier in modifiers)
            {
                if (modifier.IsKind(SyntaxKind.PublicKeyword))
                {
                    changes.Add(new TextChange(modifier.Span, "internal"));
                }
            }
        }

        return changes.Count == 0 ? text : source.WithChanges(changes).ToString();
    }

    private static IEnumerable<MemberDeclarationSyntax> TopLevelTypes(CompilationUnitSyntax root) =>
        root.DescendantNodes(node => node is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax)
            .OfType<MemberDeclarationSyntax>()
            .Where(member => member is BaseTypeDeclarationSyntax or DelegateDeclarationSyntax);

    private static bool NeedsEmbedded(MemberDeclarationSyntax type, string fileStem)
    {
        if (!type.Modifiers.Any(SyntaxKind.PartialKeyword))
        {
            return true;
        }

        var name = type switch
        {
            BaseTypeDeclarationSyntax declaration => declaration.Identifier.ValueText,
            DelegateDeclarationSyntax declaration => declaration.Identifier.ValueText,
            _ => string.Empty,
        };
        return name == fileStem;
    }
}
