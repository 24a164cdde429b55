using System.Collections.Immutable;
using FluxGen.Emit.LightForms;
using FluxGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace FluxGen.Tests.OpenApi;

/// <summary>With <c>FluxGenModels</c> unset, every document model the code does not name is declared in one file
/// of light, member-less forms, so completion can offer it; naming it writes the full model instead.</summary>
public class LightFormTests
{
    private static readonly IReadOnlyDictionary<string, string> Unset = new Dictionary<string, string>();

    private static List<ClassDeclarationSyntax> Forms(RunOutcome outcome)
    {
        var source = outcome.Sources.SingleOrDefault(s => s.HintName == LightFormOutput.HintName);
        return source.SourceText is null
            ? new List<ClassDeclarationSyntax>()
            : CSharpSyntaxTree.ParseText(source.SourceText).GetRoot().DescendantNodes().OfType<ClassDeclarationSyntax>().ToList();
    }

    private static List<string> FormNames(RunOutcome outcome) => Forms(outcome).Select(c => c.Identifier.ValueText).ToList();

    [Fact]
    public void AFreshProjectDeclaresEveryDocumentModelLightlyAndCompilesClean()
    {
        var outcome = OpenApiModelTests.RunDocument(options: Unset, sources: new[] { "public static class Nothing { }" }, withFluxSchema: false);

        var forms = Forms(outcome);
        var requests = forms.Where(c => c.Identifier.ValueText.EndsWith("Request", StringComparison.Ordinal)).ToList();
        Assert.Equal(OpenApiModelTests.DocumentModels + OperationRecordTests.DocumentOperations, requests.Count);
        Assert.Contains("Kling30OmniParams", FormNames(outcome));
        Assert.All(forms, form =>
        {
            // No members: the forms must cost next to nothing to compile.
            Assert.Empty(form.Members);
            Assert.Equal("internal sealed partial", form.Modifiers.ToString());
        });
        Assert.Empty(outcome.CompileDiagnostics);

        var text = outcome.Source(LightFormOutput.HintName);
        Assert.Contains("/// <summary>Request of model <c>kling-3.0-omni</c> (video), posted to <c>/v2/videos/generate</c>.", text, StringComparison.Ordinal);
        Console.WriteLine($"light forms: {forms.Count} declarations, {text.Length} characters");
    }

    [Fact]
    public void NamingAModelReplacesItsLightFormsWithTheFullModel()
    {
        const string Code = """
            using Apiframe;

            public static class Usage
            {
                public static string Video() => new Kling30OmniRequest("a fox") { KlingParams = new() { Duration = 5 } }.ToJson();
            }
            """;

        var outcome = OpenApiModelTests.RunDocument(options: Unset, sources: new[] { Code }, withFluxSchema: false);

        var names = FormNames(outcome);
        Assert.DoesNotContain("Kling30OmniRequest", names);
        Assert.DoesNotContain("Kling30OmniParams", names);
        Assert.Contains("Kling30Request", names);
        Assert.Contains("Kling30Omni.Request.g.cs", outcome.Sources.Select(s => s.HintName));
        Assert.Empty(outcome.CompileDiagnostics);
    }

    [Fact]
    public void AListOrStarLeavesNoLightFormsAndALeftOutModelStillGetsFluxgen042AndCs0246()
    {
        const string Code = "using Apiframe;\n\npublic static class Usage { public static object Make() => new MidjourneyRequest(\"a fox\"); }";
        var list = OpenApiModelTests.RunDocument(options: new Dictionary<string, string> { ["build_property.FluxGenModels"] = "suno" }, sources: new[] { Code }, withFluxSchema: false);
        var star = OpenApiModelTests.RunDocument(options: OpenApiModelTests.EveryModel, withFluxSchema: false);

        Assert.Empty(FormNames(list));
        Assert.Empty(FormNames(star));
        Assert.Contains(list.GeneratorDiagnostics, d => d.Id == "FLUXGEN042");
        Assert.Contains(list.Output.GetDiagnostics(), d => d.Id == "CS0246" && d.GetMessage().Contains("MidjourneyRequest", StringComparison.Ordinal));
    }

    [Fact]
    public void AModelASchemaFileClaimsGetsNoLightForm()
    {
        // The document also describes flux-1.1-pro; the schema file's model is written in full and wins.
        var outcome = OpenApiModelTests.RunDocument(options: Unset, sources: new[] { "public static class Nothing { }" });

        Assert.Contains("Flux11Pro.Request.g.cs", outcome.Sources.Select(s => s.HintName));
        Assert.DoesNotContain("Flux11ProRequest", FormNames(outcome));
        Assert.Empty(outcome.CompileDiagnostics);
    }

    [Fact]
    public void AModelAReferenceProvidesGetsNoLightFormAndTheReferencesLightFormsStayHidden()
    {
        var document = (OpenApiModelTests.DocumentPath, GeneratorHarness.OpenApi);
        const string LibCode = "public static class Lib { public static Apiframe.Kling30OmniRequest Video(string prompt) => new(prompt); }";
        var lib = ProjectBuilder.Build("Lib", [document], [LibCode], options: Unset);
        Assert.Contains("Seedream45Request", FormNames(lib.Outcome));

        // App uses Lib's Kling model and names Seedream 4.5, which Lib only declares lightly (internal): App writes
        // its own, and neither clashes (CS0436 or CS0101 would follow).
        const string AppCode = """
            using Apiframe;

            public static class App
            {
                public static string Both() => Lib.Video("a fox").ToJson() + new Seedream45Request("a poster").ToJson();
            }
            """;
        var app = ProjectBuilder.Build("App", [document], [AppCode], [lib.Reference], options: Unset);

        var names = FormNames(app.Outcome);
        Assert.DoesNotContain("Kling30OmniRequest", names);
        Assert.DoesNotContain("Seedream45Request", names);
        Assert.Contains("Kling30Request", names);
        Assert.Contains("Seedream45.Request.g.cs", app.HintNames);
        Assert.DoesNotContain("Kling30Omni.Request.g.cs", app.HintNames);
    }

    [Fact]
    public void AnUnrelatedEditRerunsNoStepAndAnEditTypingAPartialNameRerunsNone()
    {
        var document = new InMemoryText(OpenApiModelTests.DocumentPath, GeneratorHarness.OpenApi);
        var compilation = GeneratorHarness.Compilation(new[] { "public static class Other { }" });
        var driver = GeneratorHarness.Driver(new AdditionalText[] { document }, Unset).RunGenerators(compilation);
        var tree = compilation.SyntaxTrees.Single();

        // What a user types on the way to a model: no name ending in Request or Params yet.
        foreach (var text in new[] { "public static class Other { public static int X => 2; }", "public static class Other { public static object X => new Kling30Om; }" })
        {
            var edited = compilation.ReplaceSyntaxTree(tree, tree.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From(text)));
            var result = driver.RunGenerators(edited).GetRunResult().Results.Single();

            var light = result.TrackedSteps[FluxGenGenerator.Steps.LightForms].SelectMany(s => s.Outputs).ToList();
            Assert.NotEmpty(light);
            Assert.All(light, o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, o.Reason.ToString()));
            Assert.All(result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs),
                o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, o.Reason.ToString()));
        }
    }

    [Theory]
    [InlineData("public")]
    [InlineData("internal")]
    public void WhereTheCompilerAcceptsItEveryFormIsEmbeddedAndTheAttributeIsDefinedOnce(string visibility)
    {
        var options = new Dictionary<string, string>
        {
            ["build_property.FluxGenVisibility"] = visibility,
            ["build_property.FluxGenEmbeddedAttribute"] = "true",
        };

        var outcome = OpenApiModelTests.RunDocument(options: options, sources: new[] { "public static class Nothing { }" }, withFluxSchema: false);

        // Public output defines the attribute only for the forms; internal output's runtime already does.
        var definitions = outcome.Sources.Where(s => s.SourceText.ToString().Contains("class EmbeddedAttribute", StringComparison.Ordinal)).ToList();
        Assert.Equal(RuntimeOutput.EmbeddedAttributeHint, Assert.Single(definitions).HintName);
        var forms = Forms(outcome);
        Assert.NotEmpty(forms);
        Assert.All(forms, form => Assert.Equal("[global::Microsoft.CodeAnalysis.Embedded]", Assert.Single(form.AttributeLists).ToString()));
    }

    [Fact]
    public void WithoutEmbeddedTheFormsAreInternalOnlyAndNoAttributeIsDefined()
    {
        var options = new Dictionary<string, string> { ["build_property.FluxGenEmbeddedAttribute"] = "false" };

        var outcome = OpenApiModelTests.RunDocument(options: options, sources: new[] { "public static class Nothing { }" }, withFluxSchema: false);

        Assert.DoesNotContain(outcome.Sources, s => s.HintName == RuntimeOutput.EmbeddedAttributeHint);
        Assert.All(Forms(outcome), form => Assert.Empty(form.AttributeLists));
        Assert.Empty(outcome.CompileDiagnostics);
    }

    [Fact]
    public void AProjectsOwnDocumentDecidesWhichModelsGetLightForms()
    {
        var outcome = NewerDocument.Run(NewerDocument.Text(), new[] { "public static class Nothing { }" });

        // Its added model is offered, the model it removed is not, and nothing is declared twice.
        var names = FormNames(outcome);
        Assert.Contains("DallE4Request", names);
        Assert.DoesNotContain("ReveCreateRequest", names);
        Assert.Equal(names.Count, names.Distinct(StringComparer.Ordinal).Count());
        Assert.Empty(outcome.CompileDiagnostics);
    }
}
