using FluxGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace FluxGen.Tests.Generator;

/// <summary><c>FluxGenVisibility=internal</c>: every generated and runtime type is internal and, where the compiler
/// accepts it, hidden from every other compilation by <c>[Microsoft.CodeAnalysis.Embedded]</c>.</summary>
public class VisibilityTests
{
    private static readonly Dictionary<string, string> Internal = new() { ["build_property.FluxGenVisibility"] = "internal" };

    private static readonly Dictionary<string, string> InternalEmbedded = new()
    {
        ["build_property.FluxGenVisibility"] = "internal",
        ["build_property.FluxGenEmbeddedAttribute"] = "true",
    };

    // An internal project gets the client part of the runtime only when its code names it (see RuntimePartsTests).
    private const string UsesClient = "internal static class UsesClient { internal static Apiframe.ApiframeClient Make() => new(); }";

    [Fact]
    public void Internal_output_has_no_public_top_level_type_and_no_markers()
    {
        var lib = ProjectBuilder.Build("Lib", [ProjectBuilder.Flux], [UsesClient], options: Internal);

        var types = TopLevelTypes(lib.Outcome).ToList();
        Assert.True(types.Count > 30, $"only {types.Count} types");
        Assert.All(types, t => Assert.False(t.Type.Modifiers.Any(SyntaxKind.PublicKeyword), $"{t.Hint}: {Name(t.Type)} is public"));
        Assert.DoesNotContain(lib.HintNames, h => h.StartsWith("FluxGen.Markers.", StringComparison.Ordinal));

        var assembly = lib.Outcome.Output.Assembly;
        Assert.Equal(Accessibility.Internal, assembly.GetTypeByMetadataName("Apiframe.ApiframeClient")!.DeclaredAccessibility);
        Assert.Equal(Accessibility.Internal, assembly.GetTypeByMetadataName("Apiframe.Flux11ProRequest")!.DeclaredAccessibility);
    }

    [Fact]
    public void Every_internal_type_is_embedded_exactly_once_and_the_attribute_is_defined_once()
    {
        var outcome = ProjectBuilder.Run("Lib", [ProjectBuilder.Flux], [UsesClient], options: InternalEmbedded);

        var definitions = outcome.Sources.Where(s => s.SourceText.ToString().Contains("class EmbeddedAttribute", StringComparison.Ordinal)).ToList();
        Assert.Equal(RuntimeOutput.EmbeddedAttributeHint, Assert.Single(definitions).HintName);

        // The symbol view merges partial declarations: each type must carry the attribute once, whichever file has it.
        var compilation = outcome.Output;
        var embedded = compilation.GetTypeByMetadataName("Microsoft.CodeAnalysis.EmbeddedAttribute")!;
        var declared = TopLevelTypes(outcome).Select(t => compilation.GetSemanticModel(t.Type.SyntaxTree).GetDeclaredSymbol(t.Type)!).Distinct(SymbolEqualityComparer.Default).Cast<INamedTypeSymbol>().ToList();
        Assert.All(declared.Where(t => !SymbolEqualityComparer.Default.Equals(t, embedded)), type =>
            Assert.Equal(1, type.GetAttributes().Count(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, embedded))));
        Assert.Contains(declared, t => t.Name == "ApiframeClient");
        Assert.Contains(declared, t => t.Name == "ApiframeJson");
    }

    [Fact]
    public void The_rewrite_leaves_members_comments_and_strings_alone()
    {
        const string Source = """
            namespace Apiframe;

            /// <summary>A public type; "public" in a comment stays.</summary>
            [System.Obsolete("public")]
            public sealed partial class Sample
            {
                /// <summary>Stays public.</summary>
                public string Text => "public";

                /// <summary>Nested.</summary>
                public sealed class Nested
                {
                }
            }

            public enum Other
            {
                A,
            }
            """;

        var rewritten = FluxGen.Emit.AccessibilityRewriter.MakeInternal(Source, "Sample", embedded: true);

        Assert.Equal(Source
            .Replace("[System.Obsolete(\"public\")]\npublic sealed partial class Sample", "[System.Obsolete(\"public\")]\n[global::Microsoft.CodeAnalysis.Embedded]\ninternal sealed partial class Sample", StringComparison.Ordinal)
            .Replace("public enum Other", "[global::Microsoft.CodeAnalysis.Embedded]\ninternal enum Other", StringComparison.Ordinal), rewritten);
        Assert.Equal(Source.Replace("public sealed partial class", "internal sealed partial class", StringComparison.Ordinal).Replace("public enum", "internal enum", StringComparison.Ordinal),
            FluxGen.Emit.AccessibilityRewriter.MakeInternal(Source, "NotTheStem", embedded: false));
        Assert.DoesNotContain("Embedded", FluxGen.Emit.AccessibilityRewriter.MakeInternal(Source.Replace("\n\npublic enum Other\n{\n    A,\n}", string.Empty, StringComparison.Ordinal), "SamplePart", embedded: true), StringComparison.Ordinal);
    }

    [Fact]
    public void Two_internal_projects_with_InternalsVisibleTo_each_keep_their_own_types()
    {
        var lib = ProjectBuilder.Build("Lib", [ProjectBuilder.Flux], ["[assembly: System.Runtime.CompilerServices.InternalsVisibleTo(\"App\")]"], options: InternalEmbedded);

        const string Program = """
            internal static class Use
            {
                internal static object Make(Apiframe.ApiframeClient client) => client.SubmitAsync(new Apiframe.Flux11ProRequest("p"));
            }
            """;
        var app = ProjectBuilder.Run("App", [ProjectBuilder.Flux], [Program], [lib.Reference], InternalEmbedded);

        // Lib has no public FluxGen output, so App emits its own; Lib's internal copies stay invisible (no CS0436).
        Assert.Contains("FluxGen.Client.ApiframeClient.g.cs", app.Sources.Select(s => s.HintName));
        Assert.Contains("Flux11Pro.Request.g.cs", app.Sources.Select(s => s.HintName));
        Assert.True(app.CompileDiagnostics.Count == 0, string.Join("\n", app.CompileDiagnostics.Take(5)));
    }

    [Fact]
    public void An_unknown_visibility_is_a_warning_and_the_types_stay_public()
    {
        var outcome = ProjectBuilder.Run("Lib", [ProjectBuilder.Flux], options: new Dictionary<string, string> { ["build_property.FluxGenVisibility"] = "private" });

        var warning = Assert.Single(outcome.GeneratorDiagnostics);
        Assert.Equal("FLUXGEN021", warning.Id);
        Assert.Contains("'private'", warning.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.Contains("public sealed partial class ApiframeClient", outcome.Source("FluxGen.Client.ApiframeClient.g.cs"), StringComparison.Ordinal);
    }

    private static IEnumerable<(string Hint, MemberDeclarationSyntax Type)> TopLevelTypes(RunOutcome outcome) =>
        outcome.Sources.SelectMany(s => s.SyntaxTree.GetCompilationUnitRoot()
            .DescendantNodes(n => n is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax)
            .OfType<MemberDeclarationSyntax>()
            .Where(m => m is BaseTypeDeclarationSyntax or DelegateDeclarationSyntax)
            .Select(m => (s.HintName, m)));

    private static string Name(MemberDeclarationSyntax type) => type is BaseTypeDeclarationSyntax t ? t.Identifier.ValueText : type.ToString();
}
