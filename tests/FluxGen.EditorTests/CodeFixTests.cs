using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace FluxGen.EditorTests;

/// <summary>The fixes a user gets from the light bulb, applied through the workspace as an IDE applies them.</summary>
public sealed class CodeFixTests : IClassFixture<EditorProject>
{
    private readonly EditorProject _project;

    public CodeFixTests(EditorProject project) => _project = project;

    [Theory]
    [InlineData("using Apiframe;", "Kling30OmnRequest", "CS0246")]
    [InlineData("", "Apiframe.Kling30OmnRequest", "CS0234")]
    public async Task AMisspelledModelTypeIsFixedToTheNearestDocumentedModelAndCompiles(string usings, string written, string id)
    {
        var (fixedText, titles, diagnostics) = await FixAsync($$"""
            {{usings}}

            public static class Program
            {
                public static string Make() => new {{written}}("a fox").ToJson();
            }
            """, id);

        Console.WriteLine("did-you-mean titles: " + string.Join(" | ", titles));
        Assert.Equal("Use the documented model type Kling30OmniRequest", titles[0]);
        Assert.Contains("new " + written.Replace("Kling30OmnRequest", "Kling30OmniRequest", StringComparison.Ordinal) + "(\"a fox\").ToJson()", fixedText, StringComparison.Ordinal);
        Assert.Empty(diagnostics);
    }

    [Fact]
    public async Task AUrlWithoutItsSchemeGetsHttpsAndCompilesClean()
    {
        var (fixedText, titles, diagnostics) = await FixAsync("""
            using Apiframe;

            public static class Program
            {
                public static string Make() => new Kling30OmniRequest("a fox") { WebhookUrl = "example.com/hook" }.ToJson();
            }
            """, "FLUX007");

        Assert.Equal("Add the https scheme: \"https://example.com/hook\"", Assert.Single(titles));
        Assert.Contains("WebhookUrl = \"https://example.com/hook\"", fixedText, StringComparison.Ordinal);
        Assert.Empty(diagnostics);
    }

    [Fact]
    public async Task AMissingTypeFarFromEveryModelGetsNoSuggestion()
    {
        var (document, _) = _project.Open("""
            public static class Program
            {
                public static object Make() => new WidgetFactory();
            }
            """);

        Assert.Empty(await ActionsAsync(document, "CS0246"));
    }

    private static bool IsFluxGens(string id) => id.StartsWith("FLUX", StringComparison.Ordinal);

    /// <summary>Every fix FluxGen's providers offer for the first <paramref name="id"/> diagnostic.</summary>
    private static async Task<List<CodeAction>> ActionsAsync(Document document, string id)
    {
        var diagnostic = (await EditorProject.DiagnosticsAsync(document, IsFluxGens(id))).First(d => d.Id == id);
        var actions = new List<CodeAction>();
        foreach (var provider in FluxGenAssemblies.CodeFixes.Where(p => p.FixableDiagnosticIds.Contains(id)))
        {
            await provider.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None));
        }

        return actions;
    }

    /// <summary>Puts <paramref name="code"/> into the workspace, applies the first fix offered for
    /// <paramref name="id"/>, and returns the fixed code, every fix title offered, and what is left to report.</summary>
    private async Task<(string Text, IReadOnlyList<string> Titles, ImmutableArray<Diagnostic> Left)> FixAsync(string code, string id)
    {
        var workspace = _project.Workspace;
        var (document, _) = _project.Open(code);
        Assert.True(workspace.TryApplyChanges(document.Project.Solution));
        try
        {
            document = workspace.CurrentSolution.GetDocument(document.Id)!;
            var actions = await ActionsAsync(document, id);
            Assert.NotEmpty(actions);
            foreach (var operation in await actions[0].GetOperationsAsync(CancellationToken.None))
            {
                operation.Apply(workspace, CancellationToken.None);
            }

            var changed = workspace.CurrentSolution.GetDocument(document.Id)!;
            var left = (await EditorProject.DiagnosticsAsync(changed, IsFluxGens(id))).Where(d => d.Severity >= DiagnosticSeverity.Warning).ToImmutableArray();
            return ((await changed.GetTextAsync()).ToString(), actions.Select(a => a.Title).ToList(), left);
        }
        finally
        {
            Assert.True(workspace.TryApplyChanges(workspace.CurrentSolution.RemoveDocument(document.Id)));
        }
    }
}
