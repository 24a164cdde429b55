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

    [Fact]
    public async Task AMisspelledModelTypeIsFixedToTheNearestDocumentedModelAndCompiles()
    {
        var (fixedText, titles, diagnostics) = await FixAsync("""
            using Apiframe;

            public static class Program
            {
                public static string Make() => new Kling30OmnRequest("a fox").ToJson();
            }
            """, "CS0246");

        Console.WriteLine("did-you-mean titles: " + string.Join(" | ", titles));
        Assert.Equal("Use the documented model type Kling30OmniRequest", titles[0]);
        Assert.Contains("new Kling30OmniRequest(\"a fox\").ToJson()", fixedText, StringComparison.Ordinal);
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
            var diagnostic = (await EditorProject.DiagnosticsAsync(document)).First(d => d.Id == id);
            var actions = new List<CodeAction>();
            foreach (var provider in FluxGenAssemblies.CodeFixes.Where(p => p.FixableDiagnosticIds.Contains(id)))
            {
                await provider.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None));
            }

            Assert.NotEmpty(actions);
            foreach (var operation in await actions[0].GetOperationsAsync(CancellationToken.None))
            {
                operation.Apply(workspace, CancellationToken.None);
            }

            var changed = workspace.CurrentSolution.GetDocument(document.Id)!;
            var left = (await EditorProject.DiagnosticsAsync(changed)).Where(d => d.Severity >= DiagnosticSeverity.Warning).ToImmutableArray();
            return ((await changed.GetTextAsync()).ToString(), actions.Select(a => a.Title).ToList(), left);
        }
        finally
        {
            Assert.True(workspace.TryApplyChanges(workspace.CurrentSolution.RemoveDocument(document.Id)));
        }
    }
}
