using FluxGen.Tests.Generator;
using FluxGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace FluxGen.Tests.OpenApi;

/// <summary>The keywords the document brought, on a small OpenAPI document of our own: what each becomes in C#, and
/// what the generated <c>Validate()</c> does with it.</summary>
public class OpenApiKeywordTests
{
    private const string Document = """
        {
          "openapi": "3.1.0",
          "paths": {
            "/v2/videos/generate": {
              "post": { "requestBody": { "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Body" } } } } }
            },
            "/v2/images/midjourney/action": {
              "post": { "requestBody": { "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Action" } } } } }
            }
          },
          "components": {
            "schemas": {
              "Body": { "oneOf": [ { "$ref": "#/components/schemas/Clip" } ] },
              "Action": { "oneOf": [ { "type": "object", "properties": { "action": { "enum": ["upscale"] } } } ] },
              "Ratio": { "type": "string", "pattern": "^\\d+:\\d+$" },
              "Clip": {
                "type": "object",
                "required": ["prompt", "model"],
                "additionalProperties": false,
                "properties": {
                  "model": { "type": "string", "enum": ["clip-1"] },
                  "prompt": { "type": "string", "minLength": 1 },
                  "clipParams": {
                    "type": "object",
                    "properties": {
                      "aspect_ratio": { "$ref": "#/components/schemas/Ratio" },
                      "duration": { "anyOf": [ { "type": "number", "enum": [5] }, { "type": "number", "enum": [7.5] } ] },
                      "fps": { "type": "integer", "enum": [24, 30] },
                      "camera": { "anyOf": [ { "enum": ["pan"] }, { "const": "zoom" } ] },
                      "images": { "type": ["array", "null"], "items": { "type": "string", "format": "uri" } },
                      "parent": { "type": "string", "format": "uuid" },
                      "shots": { "type": "array", "items": { "type": "object", "required": ["prompt"], "properties": { "prompt": { "type": "string", "maxLength": 5 } } } },
                      "mixed": { "anyOf": [ { "type": "string" }, { "type": "object", "properties": { "a": { "type": "integer" } } } ] }
                    }
                  }
                }
              }
            }
          }
        }
        """;

    private static RunOutcome Run(string document = Document, IEnumerable<string>? sources = null) =>
        GeneratorHarness.Run(new[] { ("/doc/openapi.json", document) }, sources, options: OpenApiModelTests.EveryModel);

    [Fact]
    public void EachKeywordGetsAnHonestCSharpTypeAndTheUntypableMemberIsRawJsonWithAnInfo()
    {
        var outcome = Run();
        Assert.Empty(outcome.CompileDiagnostics);
        var info = Assert.Single(outcome.GeneratorDiagnostics);
        Assert.Equal(("FLUXGEN040", DiagnosticSeverity.Info), (info.Id, info.Severity));
        Assert.Contains("clipParams.mixed", info.GetMessage());
        Assert.Equal(Line(Document, "\"mixed\""), info.Location.GetLineSpan().StartLinePosition.Line);

        var source = outcome.Source("Clip1.Params.g.cs");
        Assert.Contains("public global::System.Text.Json.JsonElement? Mixed { get; init; }", source);
        Assert.Contains("its schema is <c>{ \"anyOf\"", source);
        Assert.Contains("[global::Apiframe.Constraints.SchemaPattern(\"^\\\\d+:\\\\d+$\")]", source);
        Assert.Contains("public double? Duration { get; init; }", source);
        Assert.Contains("[global::Apiframe.Constraints.SchemaAllowedValues(\"5\", \"7.5\")]", source);
        Assert.Contains("public long? Fps { get; init; }", source);
        Assert.Contains("public global::Apiframe.Clip1Camera? Camera { get; init; }", source);
        Assert.Contains("public global::System.Collections.Generic.IReadOnlyList<string>? Images { get; init; }", source);
        Assert.Contains("public global::System.Collections.Generic.IReadOnlyList<global::Apiframe.Clip1Shot>? Shots { get; init; }", source);
        Assert.Contains(outcome.Sources, s => s.HintName == "Clip1.Shot.g.cs");
        Assert.Contains("\"/v2/videos/generate\"", outcome.Source("Clip1.Request.g.cs"));

        // The action branch fixes no model, so it is not a model.
        Assert.Single(outcome.Sources, s => s.HintName.EndsWith(".Request.g.cs", StringComparison.Ordinal));
    }

    [Fact]
    public void ValidateChecksPatternUuidNumericEnumsAndEachItemObject()
    {
        const string Build = """
            using Apiframe;
            public static class Probe
            {
                public static string Run()
                {
                    var good = new Clip1Request("p")
                    {
                        ClipParams = new()
                        {
                            AspectRatio = "16:9", Duration = 7.5, Fps = 24, Camera = Clip1Camera.Zoom,
                            Parent = "3f2b6c1e-8d4a-4b7e-9c2d-1a5e7f9b0c3d", Shots = [new Clip1Shot("a")],
                            Mixed = System.Text.Json.JsonDocument.Parse("{\"a\":1}").RootElement,
                        },
                    };
                    good.Validate();
                    var bad = good with { ClipParams = good.ClipParams with { AspectRatio = "wide", Duration = 6, Fps = 25, Parent = "not-a-uuid", Shots = [new Clip1Shot("toolong")] } };
                    try { bad.Validate(); return "no error"; }
                    catch (Apiframe.Validation.ApiframeValidationException ex)
                    {
                        return good.ToJson() + "\n" + string.Join("\n", System.Linq.Enumerable.Select(ex.Errors, e => e.Path + " " + e.Constraint));
                    }
                }
            }
            """;
        var lines = Probes.Run(Build, new[] { ("/doc/openapi.json", Document) }).Split('\n');
        Assert.Equal("""{"model":"clip-1","prompt":"p","clipParams":{"aspect_ratio":"16:9","duration":7.5,"fps":24,"camera":"zoom","parent":"3f2b6c1e-8d4a-4b7e-9c2d-1a5e7f9b0c3d","shots":[{"prompt":"a"}],"mixed":{"a":1}}}""", lines[0]);
        Assert.Equal(
            new[] { "clipParams.aspect_ratio pattern", "clipParams.duration enum", "clipParams.fps enum", "clipParams.parent format", "clipParams.shots[].prompt maxLength" },
            lines.Skip(1).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("\"$ref\": \"#/components/schemas/Ratio\"", "\"$ref\": \"#/components/schemas/Missing\"", "FLUXGEN013", "\"#/components/schemas/Missing\"")]
    [InlineData("\"pattern\": \"^\\\\d+:\\\\d+$\"", "\"pattern\": \"[\"", "FLUXGEN013", "\"[\"")]
    [InlineData("\"enum\": [24, 30]", "\"enum\": [24, 24]", "FLUXGEN013", "24")]
    [InlineData("\"enum\": [24, 30]", "\"enum\": [24, 30.5]", "FLUXGEN013", "30.5")]
    [InlineData("\"minLength\": 1", "\"minLength\": -1", "FLUXGEN013", "-1")]
    public void ABrokenBranchIsAnErrorAtItsLineAndGeneratesNothing(string original, string broken, string id, string offending)
    {
        var document = Document.Replace(original, broken);
        Assert.NotEqual(Document, document);
        var outcome = Run(document);
        var error = Assert.Single(outcome.GeneratorDiagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal(id, error.Id);
        var span = error.Location.GetLineSpan();
        Assert.Equal("/doc/openapi.json", span.Path);
        Assert.Equal(offending, document.Substring(error.Location.SourceSpan.Start, error.Location.SourceSpan.Length));
        Assert.DoesNotContain(outcome.Sources, s => s.HintName.StartsWith("Clip1.", StringComparison.Ordinal));
    }

    [Fact]
    public void ADocumentThatIsNotJsonIsAnErrorAndOtherOpenApiVersionsAreIgnored()
    {
        var broken = Run(Document[..200]);
        Assert.Equal("FLUXGEN001", Assert.Single(broken.GeneratorDiagnostics).Id);

        var swagger = Run(Document.Replace("\"openapi\": \"3.1.0\"", "\"openapi\": \"2.0\""));
        Assert.Empty(swagger.GeneratorDiagnostics);
        Assert.DoesNotContain(swagger.Sources, s => s.HintName.EndsWith(".Request.g.cs", StringComparison.Ordinal));
    }

    private static int Line(string text, string marker) => text[..text.IndexOf(marker, StringComparison.Ordinal)].Count(c => c == '\n');
}
