using FluxGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace FluxGen.Tests.Generator;

/// <summary>A broken schema is a diagnostic at the offending line and column of its file, never a crash, and the
/// other schema files still generate.</summary>
public class SchemaDiagnosticTests
{
    [Theory]
    [InlineData("\"maximum\": 100,", "\"maximum\": \"100\",", "FLUXGEN003", "\"100\"")]
    [InlineData("\"maximum\": 100,", "\"maximum\": 1e999,", "FLUXGEN012", "1e999")]
    [InlineData("\"minimum\": 0,\n          \"maximum\": 100,", "\"minimum\": 100,\n          \"maximum\": 0,", "FLUXGEN005", "100")]
    [InlineData("\"default\": 90,", "\"default\": 101,", "FLUXGEN006", "101")]
    [InlineData("\"default\": 0.5,", "\"default\": 0.33,", "FLUXGEN006", "0.33")]
    [InlineData("\"default\": \"jpg\",", "\"default\": \"gif\",", "FLUXGEN006", "\"gif\"")]
    [InlineData("\"multipleOf\": 0.05,", "\"patternProperties\": {},", "FLUXGEN004", "\"patternProperties\"")]
    [InlineData("\"multipleOf\": 0.05,", "\"pattern\": \"^a\",", "FLUXGEN013", "\"pattern\"")]
    [InlineData("\"minLength\": 1,", "\"pattern\": \"(\",", "FLUXGEN013", "\"(\"")]
    [InlineData("\"raw\": {", "\"2raw\": {", "FLUXGEN008", "\"2raw\"")]
    [InlineData("\"raw\": {", "\"image-prompt\": {", "FLUXGEN009", "\"image-prompt\"")]
    [InlineData("\"multipleOf\": 0.05,", "\"multipleOf\": 0,", "FLUXGEN013", "0")]
    [InlineData("\"type\": \"boolean\",", "\"type\": [\"boolean\", \"string\"],", "FLUXGEN011", "[\"boolean\", \"string\"]")]
    [InlineData("\"model\"\n  ],", "\"model\",\n    \"size\"\n  ],", "FLUXGEN015", "\"size\"")]
    [InlineData("\"endpoint\": \"/v2/images/generate\",", "\"endpoint\": \"v2/images\",", "FLUXGEN010", "\"v2/images\"")]
    [InlineData("\"9:16\",\n            \"16:9\"", "\"9:16\",\n            \"9:16\"", "FLUXGEN013", "\"9:16\"")]
    [InlineData("\"image_prompt\"\n        ]", "\"image_prompt\", 7\n        ]", "FLUXGEN003", "7")]
    [InlineData("\"image_prompt\"\n        ]", "\"image_prompt\", \"mask\"\n        ]", "FLUXGEN013", "\"mask\"")]
    [InlineData("\"image_prompt_strength\": [", "\"strength\": [", "FLUXGEN013", "\"strength\"")]
    [InlineData("\"dependentRequired\": {", "\"dependentRequired\": { \"raw\": \"seed\",", "FLUXGEN003", "\"seed\"")]
    public void EachProblemIsReportedWhereItIs(string original, string broken, string id, string offendingText)
    {
        var schema = GeneratorHarness.FluxSchema;
        Assert.Contains(original, schema);
        var text = ReplaceLast(schema, original, broken);

        var outcome = GeneratorHarness.Run(new[] { ("/schema/broken.json", text) });

        var diagnostic = Assert.Single(outcome.GeneratorDiagnostics, d => d.Id == id);
        var span = diagnostic.Location.GetLineSpan();
        Assert.Equal("/schema/broken.json", span.Path);
        var brokenStart = text.LastIndexOf(broken, StringComparison.Ordinal);
        var expectedOffset = text.LastIndexOf(offendingText, brokenStart + broken.Length - 1, broken.Length, StringComparison.Ordinal);
        var expected = Microsoft.CodeAnalysis.Text.SourceText.From(text).Lines.GetLinePosition(expectedOffset);
        Assert.Equal(expected, span.StartLinePosition);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.DoesNotContain(outcome.Sources, s => s.HintName.StartsWith("Flux11Pro.", StringComparison.Ordinal));
    }

    [Fact]
    public void MalformedJsonPointsAtTheFirstBadCharacter()
    {
        var text = "{\n  \"x-apiframe\": {\"model\": \"m\", \"endpoint\": \"/v2/x\"},\n  \"properties\": {,}\n}";
        var outcome = GeneratorHarness.Run(new[] { ("/schema/bad.json", text) });
        var diagnostic = Assert.Single(outcome.GeneratorDiagnostics);
        Assert.Equal("FLUXGEN001", diagnostic.Id);
        Assert.Equal(new Microsoft.CodeAnalysis.Text.LinePosition(2, 17), diagnostic.Location.GetLineSpan().StartLinePosition);
    }

    [Fact]
    public void BytesThatAreNotUtf8AreReported()
    {
        var outcome = GeneratorHarness.Run(new[] { ("/schema/bad.json", GeneratorHarness.FluxSchema.Replace("plain words", "plain \uFFFD words")) });
        Assert.Equal("FLUXGEN002", Assert.Single(outcome.GeneratorDiagnostics).Id);
    }

    [Fact]
    public void TwoFilesClaimingOneModelSkipTheSecondAndTheFirstStillGenerates()
    {
        var outcome = GeneratorHarness.Run(new[] { ("/schema/a.json", GeneratorHarness.FluxSchema), ("/schema/b.json", GeneratorHarness.FluxSchema) });
        var diagnostic = Assert.Single(outcome.GeneratorDiagnostics);
        Assert.Equal("FLUXGEN007", diagnostic.Id);
        Assert.Equal("/schema/b.json", diagnostic.Location.GetLineSpan().Path);
        Assert.Contains(outcome.Sources, s => s.HintName == "Flux11Pro.Request.g.cs");
        Assert.Empty(outcome.CompileDiagnostics);
    }

    [Fact]
    public void ABrokenFileDoesNotStopTheOthers()
    {
        var outcome = GeneratorHarness.Run(new[]
        {
            ("/schema/flux-1.1-pro.json", GeneratorHarness.FluxSchema),
            ("/schema/other.json", "{\"x-apiframe\": {\"model\": \"other\", \"endpoint\": \"/v2/x\"}, \"properties\": {\"a\": {\"type\": \"string\", \"minLength\": -1}}}"),
        });
        Assert.Equal("FLUXGEN013", Assert.Single(outcome.GeneratorDiagnostics).Id);
        Assert.Contains(outcome.Sources, s => s.HintName == "Flux11Pro.Request.g.cs");
        Assert.Empty(outcome.CompileDiagnostics);
    }

    [Fact]
    public void TwoModelsDisagreeingOnASharedEnumAreReportedAtTheSecondList()
    {
        var other = GeneratorHarness.FluxSchema.Replace("\"flux-1.1-pro\"", "\"other\"").Replace("\"failed\"\n", "\"failed\",\n          \"cancelled\"\n");
        Assert.Contains("cancelled", other);

        var outcome = GeneratorHarness.Run(new[] { ("/schema/a.json", GeneratorHarness.FluxSchema), ("/schema/b.json", other) });

        var diagnostic = Assert.Single(outcome.GeneratorDiagnostics);
        Assert.Equal("FLUXGEN016", diagnostic.Id);
        var span = diagnostic.Location.GetLineSpan();
        Assert.Equal("/schema/b.json", span.Path);
        var expected = Microsoft.CodeAnalysis.Text.SourceText.From(other).Lines.GetLinePosition(other.IndexOf("[\n          \"progress\"", StringComparison.Ordinal));
        Assert.Equal(expected, span.StartLinePosition);
    }

    [Fact]
    public void AnUnsupportedFormatIsAWarningAndTheMemberStaysAString()
    {
        var outcome = GeneratorHarness.Run(new[] { ("/schema/flux.json", GeneratorHarness.FluxSchema.Replace("\"format\": \"uri\",\n          \"description\": \"Absolute URL of", "\"format\": \"email\",\n          \"description\": \"Absolute URL of")) });
        var diagnostic = Assert.Single(outcome.GeneratorDiagnostics);
        Assert.Equal(("FLUXGEN014", DiagnosticSeverity.Warning), (diagnostic.Id, diagnostic.Severity));
        Assert.Contains(outcome.Sources, s => s.HintName == "Flux11Pro.Params.g.cs");
    }

    private static string ReplaceLast(string text, string original, string replacement)
    {
        var index = text.LastIndexOf(original, StringComparison.Ordinal);
        return text[..index] + replacement + text[(index + original.Length)..];
    }
}
