using FluxGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace FluxGen.Tests.Generator;

/// <summary>
/// The client part of the runtime (ApiframeClient, jobs, polling, webhooks) is written only where it is used: an
/// application that only builds and checks requests compiles the core alone; naming a client type, a light-up
/// feature, or being a public library (which others take the runtime from) brings the client in; a project whose
/// reference has only the core writes the client itself.
/// </summary>
public class RuntimePartsTests
{
    private const string ClientHint = "FluxGen.Client.ApiframeClient.g.cs";
    private const string VerifierHint = "FluxGen.Webhooks.ApiframeWebhookVerifier.g.cs";
    private const string CoreHint = "FluxGen.Validation.ValidationErrors.g.cs";

    private const string RequestsOnly = """
        using Apiframe;

        var request = new Flux11ProRequest("a red umbrella") { FluxParams = new() { OutputQuality = 80 } };
        request.Validate();
        System.Console.WriteLine(request.ToJson());
        """;

    private const string Submits = """
        using Apiframe;

        using var client = new ApiframeClient(new ApiframeClientOptions { ApiKey = System.Environment.GetEnvironmentVariable("APIFRAME_API_KEY") ?? "" });
        var submission = await client.SubmitAsync(new Flux11ProRequest("a red umbrella"));
        System.Console.WriteLine(submission);
        """;

    [Fact]
    public void An_application_that_only_builds_requests_gets_the_core_without_the_client_and_compiles()
    {
        var outcome = Run(OutputKind.ConsoleApplication, RequestsOnly);

        var hints = outcome.Sources.Select(s => s.HintName).ToList();
        Assert.Contains(CoreHint, hints);
        Assert.Contains("FluxGen.Client.IApiframeRequest.g.cs", hints);
        Assert.Contains("Flux11Pro.Request.g.cs", hints);
        Assert.DoesNotContain(ClientHint, hints);
        Assert.DoesNotContain(VerifierHint, hints);
        Assert.DoesNotContain("FluxGen.Markers.Client.g.cs", hints);
        Assert.Contains("FluxGen.Markers.Runtime.g.cs", hints);
        Assert.Empty(outcome.CompileDiagnostics);
    }

    [Fact]
    public void An_application_that_names_the_client_gets_it_with_its_marker_and_compiles()
    {
        var outcome = Run(OutputKind.ConsoleApplication, Submits);

        var hints = outcome.Sources.Select(s => s.HintName).ToList();
        Assert.Contains(ClientHint, hints);
        Assert.Contains(VerifierHint, hints);
        Assert.Contains($"[assembly: global::Apiframe.Generation.FluxGenClient(\"{FluxGenGenerator.Version}\")]", outcome.Source("FluxGen.Markers.Client.g.cs"));
        Assert.Empty(outcome.CompileDiagnostics);
    }

    [Fact]
    public void A_public_library_gets_the_client_unnamed_an_internal_one_only_when_named()
    {
        var internalOnly = new Dictionary<string, string> { ["build_property.FluxGenVisibility"] = "internal" };

        Assert.Contains(ClientHint, Run(OutputKind.DynamicallyLinkedLibrary, "public static class Nothing { }").Sources.Select(s => s.HintName));
        Assert.DoesNotContain(ClientHint, Run(OutputKind.DynamicallyLinkedLibrary, "public static class Nothing { }", internalOnly).Sources.Select(s => s.HintName));
        Assert.Contains(ClientHint, Run(OutputKind.DynamicallyLinkedLibrary, "internal static class Uses { public static ApiframeClient? Client; }", internalOnly).Sources.Select(s => s.HintName));
    }

    [Fact]
    public void Naming_the_client_in_an_edit_brings_it_in_and_an_unrelated_edit_reruns_nothing()
    {
        var compilation = Compilation(OutputKind.ConsoleApplication, RequestsOnly);
        var driver = GeneratorHarness.Driver([new InMemoryText(ProjectBuilder.Flux.Path, ProjectBuilder.Flux.Text)], version: LanguageVersion.CSharp12).RunGenerators(compilation);

        var unrelated = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("public static class Unrelated { public static int X => 1; }", GeneratorHarness.ParseOptions(LanguageVersion.CSharp12), "Unrelated.cs"));
        driver = driver.RunGenerators(unrelated);
        var result = driver.GetRunResult().Results.Single();
        Assert.All(result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs),
            o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, o.Reason.ToString()));
        Assert.DoesNotContain(result.GeneratedSources, s => s.HintName == ClientHint);

        var naming = unrelated.AddSyntaxTrees(CSharpSyntaxTree.ParseText("public static class Later { public static Apiframe.ApiframeClient? Client; }", GeneratorHarness.ParseOptions(LanguageVersion.CSharp12), "Later.cs"));
        result = driver.RunGenerators(naming).GetRunResult().Results.Single();
        Assert.Contains(result.GeneratedSources, s => s.HintName == ClientHint);
    }

    [Fact]
    public void A_project_referencing_an_application_with_the_core_only_writes_the_client_itself_and_uses_the_core()
    {
        var app = Run(OutputKind.ConsoleApplication, RequestsOnly);
        using var image = new MemoryStream();
        Assert.True(app.Output.Emit(image).Success);
        var appReference = MetadataReference.CreateFromImage(image.ToArray());

        var tests = ProjectBuilder.Build(
            "AppTests",
            [ProjectBuilder.Flux],
            ["using Apiframe; public static class Probe { public static ApiframeClient Make() => new(new ApiframeClientOptions { ApiKey = \"k\" }); public static IApiframeRequest Request() => new Flux11ProRequest(\"p\"); }"],
            [appReference]);

        Assert.Contains(ClientHint, tests.HintNames);
        Assert.Contains("FluxGen.Markers.Client.g.cs", tests.HintNames);
        Assert.DoesNotContain(CoreHint, tests.HintNames);
        Assert.DoesNotContain("Flux11Pro.Request.g.cs", tests.HintNames);
    }

    private static RunOutcome Run(OutputKind kind, string source, IReadOnlyDictionary<string, string>? options = null)
    {
        var compilation = Compilation(kind, source);
        var driver = GeneratorHarness.Driver([new InMemoryText(ProjectBuilder.Flux.Path, ProjectBuilder.Flux.Text)], options, LanguageVersion.CSharp12);
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        return new RunOutcome(driver, output, diagnostics, driver.GetRunResult());
    }

    private static Compilation Compilation(OutputKind kind, string source)
    {
        var compilation = GeneratorHarness.Compilation([source], ReferenceSets.Net80, LanguageVersion.CSharp12, "App");
        return compilation.WithOptions(compilation.Options.WithOutputKind(kind));
    }
}
