using FluxGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace FluxGen.Tests.OpenApi;

/// <summary>Where the records of the client's own calls meet the client part of the runtime: naming one brings the
/// client, naming none leaves it out, and the generated client methods work with a client from a referenced library.</summary>
public class OperationRuntimeTests
{
    private const string ClientHint = "FluxGen.Client.ApiframeClient.g.cs";
    private static readonly (string Path, string Text) Document = (OpenApiModelTests.DocumentPath, GeneratorHarness.OpenApi);

    private static RunOutcome RunApplication(string source)
    {
        var compilation = GeneratorHarness.Compilation([source], ReferenceSets.Net80, LanguageVersion.CSharp12, "App");
        compilation = compilation.WithOptions(compilation.Options.WithOutputKind(OutputKind.ConsoleApplication));
        var driver = GeneratorHarness.Driver([new InMemoryText(Document.Path, Document.Text)], null, LanguageVersion.CSharp12);
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        return new RunOutcome(driver, output, diagnostics, driver.GetRunResult());
    }

    [Fact]
    public void Naming_the_lora_form_alone_brings_the_client_its_files_are_and_compiles()
    {
        var outcome = RunApplication("""
            var request = new Apiframe.CreateLoraRequest("me", []) { SubjectKind = Apiframe.CreateLoraSubjectKind.Style };
            System.Console.WriteLine(request.Name);
            """);

        var hints = outcome.Sources.Select(s => s.HintName).ToList();
        Assert.Contains(ClientHint, hints);
        Assert.Contains("CreateLora.Request.g.cs", hints);
        Assert.Empty(outcome.CompileDiagnostics);
    }

    [Fact]
    public void An_application_that_names_only_a_model_gets_none_of_the_new_records_or_the_client()
    {
        var outcome = RunApplication("""System.Console.WriteLine(new Apiframe.MidjourneyRequest("p").ToJson());""");

        var hints = outcome.Sources.Select(s => s.HintName).ToList();
        Assert.DoesNotContain(ClientHint, hints);
        Assert.DoesNotContain(hints, h => h.StartsWith("CreateLora", StringComparison.Ordinal) || h.StartsWith("CreateAsset", StringComparison.Ordinal) || h.StartsWith("MidjourneyUpsample", StringComparison.Ordinal));
        Assert.DoesNotContain(hints, h => h.Contains("Lora", StringComparison.Ordinal) && h.StartsWith("FluxGen.", StringComparison.Ordinal));
        Assert.Empty(outcome.CompileDiagnostics);
    }

    [Fact]
    public void An_application_that_only_submits_gets_the_client_without_its_calls_beyond_jobs()
    {
        var outcome = RunApplication("""
            using var client = new Apiframe.ApiframeClient();
            var job = await client.GenerateAsync(new Apiframe.MidjourneyRequest("p"));
            System.Console.WriteLine(job.Videos.Count + job.Audio.Count);
            """);

        var hints = outcome.Sources.Select(s => s.HintName).ToList();
        Assert.Contains(ClientHint, hints);
        Assert.DoesNotContain(hints, h => h.StartsWith("FluxGen.Client.Files.", StringComparison.Ordinal) || h.StartsWith("FluxGen.Client.Loras.", StringComparison.Ordinal) || h.StartsWith("FluxGen.Client.Resources.", StringComparison.Ordinal) || h.StartsWith("FluxGen.Client.Assets.", StringComparison.Ordinal));
        Assert.Empty(outcome.CompileDiagnostics);
    }

    [Theory]
    [InlineData("""await client.UploadAsync(Apiframe.ApiframeFile.FromPath("cat.png"));""")]
    [InlineData("""System.Console.WriteLine((await client.GetAccountAsync()).Team?.Credits);""")]
    [InlineData("""await foreach (var lora in client.ListLorasAsync()) { System.Console.WriteLine(lora.Id); }""")]
    public void Naming_one_call_beyond_jobs_brings_them_all(string call)
    {
        var outcome = RunApplication("using var client = new Apiframe.ApiframeClient();\n" + call);

        var hints = outcome.Sources.Select(s => s.HintName).ToList();
        Assert.Contains("FluxGen.Client.Files.ApiframeClient.Uploads.g.cs", hints);
        Assert.Contains("FluxGen.Client.Loras.ApiframeClient.Loras.g.cs", hints);
        Assert.Contains("FluxGen.Client.Resources.ApiframeClient.Resources.g.cs", hints);
        Assert.Empty(outcome.CompileDiagnostics);
    }

    [Fact]
    public void The_generated_client_methods_work_with_a_client_from_a_referenced_library()
    {
        var library = ProjectBuilder.Build("Lib", [Document], ["namespace Lib; public static class Anchor { }"]);
        Assert.Contains(ClientHint, library.HintNames);

        // A public library carries the whole client, its calls beyond jobs included, for the projects that take it.
        Assert.Contains("FluxGen.Client.Files.ApiframeClient.Uploads.g.cs", library.HintNames);

        var app = ProjectBuilder.Build(
            "App",
            [Document],
            ["""
            using Apiframe;
            public static class Calls
            {
                public static System.Threading.Tasks.Task<ApiframeLora> Lora(ApiframeClient client, ApiframeFile[] images) =>
                    client.CreateLoraAsync(new CreateLoraRequest("brush", images) { SubjectKind = CreateLoraSubjectKind.Style }, "key-1");

                public static System.Threading.Tasks.Task<string> Asset(ApiframeClient client) =>
                    client.CreateAssetAsync(new CreateAssetRequest("https://cdn.example.com/a.png", CreateAssetType.Image));
            }
            """],
            [library.Reference]);

        Assert.DoesNotContain(ClientHint, app.HintNames);
        Assert.Contains("CreateLora.RequestClientExtensions.g.cs", app.HintNames);
        Assert.Contains("CreateAsset.RequestClientExtensions.g.cs", app.HintNames);
    }
}
