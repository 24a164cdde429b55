using FluxGen.Analysis;
using FluxGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FluxGen.Tests.Generator;

/// <summary>The eight <c>fluxParams</c> members of flux-1.1-pro that the v2 document lists and the model page does
/// not: typed with the document's bounds, written with their wire names, checked by <c>Validate()</c> and by the
/// analyzer, while the page's own rules (the 0.05 step) still hold beside them.</summary>
public class DocumentMembersTests
{
    private const string InRange = """Width = 256, Height = 2048, Guidance = 1.5, Steps = 50, GoFast = true, Resolution = "1 MP", InputImages = ["https://example.com/a.png", "https://example.com/b.png"], PromptUpsampling = false""";

    [Fact]
    public void EachMemberIsWrittenWithItsWireName()
    {
        var json = Probes.Run(Build($"return new Flux11ProRequest(\"p\") {{ FluxParams = new() {{ {InRange} }} }}.ToJson();"));

        Assert.Equal(
            """{"prompt":"p","model":"flux-1.1-pro","fluxParams":{"width":256,"height":2048,"guidance":1.5,"steps":50,"go_fast":true,"resolution":"1 MP","input_images":["https://example.com/a.png","https://example.com/b.png"],"prompt_upsampling":false}}""",
            json);
    }

    [Fact]
    public void TheSdkSmokeTestsParamsAreWrittenAsItSendsThem()
    {
        var json = Probes.Run(Build("return new Flux11ProParams { Width = 512, Height = 512, OutputFormat = Flux11ProOutputFormat.Jpg }.ToJson();"));

        Assert.Equal("""{"output_format":"jpg","width":512,"height":512}""", json);
    }

    [Fact]
    public void ValuesInsideTheDocumentsBoundsPass()
    {
        Assert.Equal("ok", Probes.Run(Validate(InRange)));
    }

    [Fact]
    public void ValuesOutsideTheDocumentsBoundsAreEachNamedAndThePagesStepStillHolds()
    {
        const string Eleven = """InputImages = ["https://a.example/0", "https://a.example/1", "https://a.example/2", "https://a.example/3", "https://a.example/4", "https://a.example/5", "https://a.example/6", "https://a.example/7", "https://a.example/8", "https://a.example/9", "https://a.example/10"]""";
        var result = Probes.Run(Validate($"Width = 4000, Height = 255, Guidance = 1.45, Steps = 51, Resolution = \"\\ud800\", {Eleven}, ImagePrompt = \"https://example.com/r.png\", ImagePromptStrength = 0.33"));

        Assert.Equal(
            new[]
            {
                "fluxParams.image_prompt_strength|multipleOf",
                "fluxParams.width|maximum",
                "fluxParams.height|minimum",
                "fluxParams.guidance|minimum",
                "fluxParams.steps|maximum",
                "fluxParams.resolution|unicode",
                "fluxParams.input_images|maxItems",
            },
            result.Split('\n').Select(l => string.Join("|", l.Split('|').Take(2))).ToArray());
    }

    [Fact]
    public void AnItemOfInputImagesMustBeAnAbsoluteUri()
    {
        var result = Probes.Run(Validate("""InputImages = ["https://example.com/a.png", "not a uri"]"""));

        Assert.Equal("fluxParams.input_images[1]|format", string.Join("|", result.Split('|').Take(2)));
    }

    [Fact]
    public async Task TheAnalyzerChecksTheNewMembersOnTheGeneratedRecords()
    {
        const string Code = """
            using Apiframe;

            public static class Usage
            {
                public static object[] Make() => new object[]
                {
                    new Flux11ProParams { Width = /*a*/4000, Height = /*b*/128, Guidance = /*c*/10.5, Steps = /*d*/0 },
                    new Flux11ProParams { InputImages = /*e*/["https://a.example/0", "https://a.example/1", "https://a.example/2", "https://a.example/3", "https://a.example/4", "https://a.example/5", "https://a.example/6", "https://a.example/7", "https://a.example/8", "https://a.example/9", "https://a.example/10"] },
                    new Flux11ProParams { Resolution = /*f*/"\ud800", ImagePrompt = "https://example.com/r.png", ImagePromptStrength = /*g*/0.33, Width = 2048 },
                    new Flux11ProParams { Width = 256, Height = 2048, Guidance = 1.5, Steps = 50, GoFast = true, PromptUpsampling = true, Resolution = "1 MP", InputImages = ["https://example.com/a.png"] },
                };
            }
            """;
        var outcome = GeneratorHarness.RunFlux(new[] { Code });
        Assert.Empty(outcome.CompileDiagnostics);

        var diagnostics = await outcome.Output.WithAnalyzers([new SchemaValueAnalyzer()]).GetAnalyzerDiagnosticsAsync();

        Assert.Equal(
            new[] { ("FLUX002", "a"), ("FLUX001", "b"), ("FLUX002", "c"), ("FLUX001", "d"), ("FLUX008", "e"), ("FLUX020", "f"), ("FLUX003", "g") },
            diagnostics.Select(d => (d.Id, Marker(d))).OrderBy(d => d.Item2, StringComparer.Ordinal).ToArray());
    }

    /// <summary>The /*x*/ marker just before the flagged constant.</summary>
    private static string Marker(Diagnostic diagnostic)
    {
        var text = diagnostic.Location.SourceTree!.GetText().ToString();
        return text.Substring(diagnostic.Location.SourceSpan.Start - 3, 1);
    }

    private static string Build(string body) => $$"""
        using Apiframe;
        public static class Probe
        {
            public static string Run()
            {
                {{body}}
            }
        }
        """;

    private static string Validate(string initializer) => ValidationTests.Probe($"FluxParams = new() {{ {initializer} }}");
}
