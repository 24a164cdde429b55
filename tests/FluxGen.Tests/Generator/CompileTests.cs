using FluxGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis.CSharp;

namespace FluxGen.Tests.Generator;

/// <summary>Generated code is product code: it must compile warning-free (every warning level, XML docs checked)
/// for the frameworks and language versions consumers use.</summary>
public class CompileTests
{
    private const string Usage = """
        using Apiframe;

        public static class Usage
        {
            public static string Build() => new Flux11ProRequest("a red umbrella")
            {
                WebhookUrl = "https://example.com/hook",
                WebhookEvents = [WebhookEvent.Completed, WebhookEvent.Failed],
                FluxParams = new() { AspectRatio = Flux11ProAspectRatio.Ratio16x9, OutputQuality = 80, Seed = 42 },
            }.ToJson();
        }
        """;

    [Fact]
    public void CompilesWithoutAnyWarningForNet8WithCSharp12()
    {
        var outcome = GeneratorHarness.RunFlux(new[] { Usage }, ReferenceSets.Net80, LanguageVersion.CSharp12);
        Assert.Empty(outcome.GeneratorDiagnostics);
        Assert.Empty(outcome.CompileDiagnostics);
    }

    [Fact]
    public void CompilesWithoutAnyWarningForNet10WithTheLatestCSharp()
    {
        var outcome = GeneratorHarness.RunFlux(new[] { Usage }, ReferenceSets.Net100, LanguageVersion.Latest);
        Assert.Empty(outcome.GeneratorDiagnostics);
        Assert.Empty(outcome.CompileDiagnostics);
    }

    [Fact]
    public void NamespaceComesFromTheFluxGenNamespaceProperty()
    {
        var options = new Dictionary<string, string> { ["build_property.FluxGenNamespace"] = "Contoso.Images" };
        var usage = "public static class U { public static object Make() => new Contoso.Images.Flux11ProRequest(\"x\") { FluxParams = new() { OutputFormat = Contoso.Images.Flux11ProOutputFormat.Png } }; }";
        var outcome = GeneratorHarness.RunFlux(new[] { usage }, options: options);
        Assert.Empty(outcome.CompileDiagnostics);
        Assert.Contains("namespace Contoso.Images", outcome.Source("Flux11Pro.Request.g.cs"));
    }

    [Fact]
    public void AnInvalidNamespacePropertyFallsBackToApiframe()
    {
        var options = new Dictionary<string, string> { ["build_property.FluxGenNamespace"] = "not a namespace" };
        var outcome = GeneratorHarness.RunFlux(options: options);
        Assert.Contains("namespace Apiframe", outcome.Source("Flux11Pro.Request.g.cs"));
    }

    [Fact]
    public void ASecondSchemaGivesASecondSetOfTypesWithNoOtherChange()
    {
        var ultra = GeneratorHarness.FluxSchema
            .Replace("\"model\": \"flux-1.1-pro\"", "\"model\": \"flux-1.1-pro-ultra\"")
            .Replace("\"const\": \"flux-1.1-pro\"", "\"const\": \"flux-1.1-pro-ultra\"")
            .Replace("\"Flux 1.1 Pro\"", "\"Flux 1.1 Pro Ultra\"");
        var usage = "public static class U { public static object[] Make() => new object[] { new Apiframe.Flux11ProUltraRequest(\"x\") { FluxParams = new() { AspectRatio = Apiframe.Flux11ProUltraAspectRatio.Ratio4x3 } }, new Apiframe.Flux11ProRequest(\"y\") }; }";
        var outcome = GeneratorHarness.Run(
            new[] { ("/schema/flux-1.1-pro.json", GeneratorHarness.FluxSchema), ("/schema/flux-1.1-pro-ultra.json", ultra) },
            new[] { usage });
        Assert.Empty(outcome.GeneratorDiagnostics);
        Assert.Empty(outcome.CompileDiagnostics);
        var hints = outcome.Sources.Select(s => s.HintName).ToHashSet();
        Assert.Contains("Flux11ProUltra.Request.g.cs", hints);
        Assert.Contains("Flux11ProUltra.Params.g.cs", hints);
        Assert.Contains("Flux11ProUltra.AspectRatio.g.cs", hints);
        Assert.Single(hints, h => h.StartsWith("Shared.WebhookEvent", StringComparison.Ordinal));
    }

    [Fact]
    public void JsonFilesWithoutAnApiframeBlockAreIgnoredSilently()
    {
        var outcome = GeneratorHarness.Run(new[] { ("/config/appsettings.json", "{\"Logging\": {\"LogLevel\": \"Debug\"}"), ("/data/list.json", "[1, 2") });
        Assert.Empty(outcome.GeneratorDiagnostics);
        Assert.All(outcome.Sources, s => Assert.StartsWith("FluxGen.", s.HintName));
    }
}
