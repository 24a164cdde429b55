using FluxGen.Analysis;
using FluxGen.CodeFixes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FluxGen.Tests.OpenApi;

/// <summary>The existing fixes on the records the generator writes for the LoRA form: a constant out of the
/// document's range is clamped into it, in the user's code, on the generated record.</summary>
public class OperationCodeFixTests
{
    [Fact]
    public async Task Steps_above_the_documents_maximum_clamp_to_it()
    {
        const string Code = """
            using Apiframe;
            public static class Usage
            {
                public static object Make(ApiframeFile[] images) => new CreateLoraRequest("me", images) { SubjectKind = CreateLoraSubjectKind.Style, Steps = 5000 };
            }
            """;
        var outcome = OpenApiModelTests.RunDocument(options: new Dictionary<string, string>(), sources: new[] { Code });
        Assert.Empty(outcome.CompileDiagnostics);

        // The generated compilation as a workspace project, so the fix runs as the IDE runs it.
        using var workspace = new AdhocWorkspace();
        var project = workspace.AddProject("Consumer", LanguageNames.CSharp)
            .WithCompilationOptions(outcome.Output.Options)
            .WithParseOptions(outcome.Output.SyntaxTrees.First().Options)
            .WithMetadataReferences(outcome.Output.References);
        foreach (var tree in outcome.Output.SyntaxTrees)
        {
            project = project.AddDocument(tree.FilePath, await tree.GetTextAsync(), filePath: tree.FilePath).Project;
        }

        var compilation = (await project.GetCompilationAsync())!;
        var diagnostics = await compilation.WithAnalyzers([new SchemaValueAnalyzer()]).GetAnalyzerDiagnosticsAsync();
        var above = Assert.Single(diagnostics);
        Assert.Equal("FLUX002", above.Id);

        var document = project.GetDocument(above.Location.SourceTree)!;
        var actions = new List<CodeAction>();
        await new SchemaValueCodeFixProvider().RegisterCodeFixesAsync(new CodeFixContext(document, above, (action, _) => actions.Add(action), CancellationToken.None));
        var apply = (await Assert.Single(actions).GetOperationsAsync(CancellationToken.None)).OfType<ApplyChangesOperation>().Single();
        var fixedText = (await apply.ChangedSolution.GetDocument(document.Id)!.GetTextAsync()).ToString();

        Assert.Contains("Steps = 3000 }", fixedText, StringComparison.Ordinal);
        Assert.DoesNotContain("5000", fixedText, StringComparison.Ordinal);
    }
}
