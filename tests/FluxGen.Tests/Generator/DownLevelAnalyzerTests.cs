using System.Collections.Immutable;
using FluxGen.Analysis;
using FluxGen.CodeFixes;
using FluxGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace FluxGen.Tests.Generator;

/// <summary>The analyzer and its code fix judge constants whatever the target: on the types generated for
/// netstandard2.0 and .NET Framework, a value the schema forbids is flagged and fixed as on net8.0.</summary>
public class DownLevelAnalyzerTests
{
    private const string UserCode = """
        using Apiframe;

        public static class Usage
        {
            public static Flux11ProRequest Make() => new Flux11ProRequest("a red umbrella") { FluxParams = new() { OutputQuality = 101, AspectRatio = Flux11ProAspectRatio.Ratio16x9 } };
        }
        """;

    // The analyzer reads the generated attributes, not the framework: a netstandard and a .NET Framework build show it.
    [Theory]
    [InlineData("netstandard2.0")]
    [InlineData("net48")]
    public async Task AForbiddenConstantIsFlaggedAndClampedByTheFix(string target)
    {
        var outcome = GeneratorHarness.RunFlux(new[] { UserCode }, DownLevelCompileTests.References(target));
        Assert.Empty(outcome.GeneratorDiagnostics);
        Assert.Empty(outcome.CompileDiagnostics);

        var found = await outcome.Output.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new SchemaValueAnalyzer())).GetAnalyzerDiagnosticsAsync();
        var flagged = Assert.Single(found);
        Assert.Equal("FLUX002", flagged.Id);
        Assert.Equal("101", flagged.Location.SourceTree!.GetText().ToString(flagged.Location.SourceSpan));

        var fixedText = await ApplyFirstFixAsync(outcome.Output, flagged);
        Assert.Contains("OutputQuality = 100,", fixedText, StringComparison.Ordinal);
    }

    // The compilation's trees (the user's file and every generated one) as documents of one project, the fix's first
    // action applied to the user's document.
    private static async Task<string> ApplyFirstFixAsync(Compilation compilation, Diagnostic diagnostic)
    {
        using var workspace = new AdhocWorkspace();
        var projectId = ProjectId.CreateNewId();
        var documents = compilation.SyntaxTrees.Select((tree, i) => DocumentInfo.Create(
            DocumentId.CreateNewId(projectId),
            Path.GetFileName(tree.FilePath is { Length: > 0 } path ? path : $"File{i}.cs"),
            loader: TextLoader.From(TextAndVersion.Create(tree.GetText(), VersionStamp.Create())),
            filePath: tree.FilePath));
        var project = workspace.AddProject(ProjectInfo.Create(
            projectId,
            VersionStamp.Create(),
            "DownLevel",
            "DownLevel",
            LanguageNames.CSharp,
            compilationOptions: compilation.Options,
            parseOptions: compilation.SyntaxTrees.First().Options,
            documents: documents,
            metadataReferences: compilation.References));
        var document = project.Documents.Single(d => d.FilePath == diagnostic.Location.SourceTree!.FilePath);

        var actions = new List<CodeAction>();
        var provider = new SchemaValueCodeFixProvider();
        await provider.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None));
        var operations = await Assert.Single(actions).GetOperationsAsync(CancellationToken.None);
        var changed = Assert.Single(operations.OfType<ApplyChangesOperation>()).ChangedSolution;
        return (await changed.GetDocument(document.Id)!.GetTextAsync()).ToString();
    }
}
