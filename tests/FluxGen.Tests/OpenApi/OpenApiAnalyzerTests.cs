using FluxGen.Analysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FluxGen.Tests.OpenApi;

/// <summary>The analyzer on models typed from the document: out-of-range, pattern, numeric-enum, enum-cast and uuid
/// constants are flagged where they are written; valid constants are not.</summary>
public class OpenApiAnalyzerTests
{
    private const string Code = """
        using Apiframe;

        public static class Usage
        {
            public static object[] Make() => new object[]
            {
                new Flux2ProRequest("p") { FluxParams = new() { Guidance = /*a*/0.5, Height = /*b*/4096, AspectRatio = /*c*/"wide", OutputFormat = /*d*/(Flux2ProOutputFormat)9 } },
                new Kling21Request("p") { KlingParams = new() { Duration = /*e*/7 } },
                new FluxLoraRequest(prompt: "p", fluxLoraParams: new FluxLoraParams(loraId: /*f*/"lora-1")),
                new MidjourneyRequest("p") { MidjourneyParams = new() { AspectRatio = "16:9" } },
                new Kling21Request("p") { KlingParams = new() { Duration = 10 } },
                new Flux2ProRequest("p") { FluxParams = new() { Guidance = 1.5, Height = 2048, OutputFormat = Flux2ProOutputFormat.Png } },
            };
        }
        """;

    [Fact]
    public async Task ConstantsOnDocumentModelsAreCheckedByTheirSchema()
    {
        var options = new Dictionary<string, string> { ["build_property.FluxGenModels"] = "flux-2-pro;kling-2.1;flux-lora;midjourney" };
        var outcome = OpenApiModelTests.RunDocument(options: options, sources: new[] { Code });
        Assert.Empty(outcome.CompileDiagnostics);
        var diagnostics = await outcome.Output.WithAnalyzers([new SchemaValueAnalyzer()]).GetAnalyzerDiagnosticsAsync();

        var found = diagnostics
            .Select(d => (d.Id, Marker: Marker(d)))
            .OrderBy(d => d.Marker, StringComparer.Ordinal)
            .ToList();
        Assert.Equal(
            new[] { ("FLUX001", "a"), ("FLUX002", "b"), ("FLUX040", "c"), ("FLUX005", "d"), ("FLUX041", "e"), ("FLUX042", "f") },
            found);
    }

    /// <summary>The /*x*/ marker just before the flagged constant.</summary>
    private static string Marker(Diagnostic diagnostic)
    {
        var text = diagnostic.Location.SourceTree!.GetText().ToString();
        var start = diagnostic.Location.SourceSpan.Start;
        return text.Substring(start - 3, 1);
    }
}
