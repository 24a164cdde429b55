using FluxGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit.Abstractions;

namespace FluxGen.Tests.OpenApi;

/// <summary>Apiframe's OpenAPI document as a generator input: every model typed, compiled warning-free.</summary>
public class OpenApiModelTests(ITestOutputHelper output)
{
    private static RunOutcome RunDocument(Microsoft.CodeAnalysis.CSharp.LanguageVersion version = LanguageVersion.Latest, System.Collections.Immutable.ImmutableArray<MetadataReference>? references = null, IReadOnlyDictionary<string, string>? options = null, bool withFluxSchema = true)
    {
        var files = new List<(string, string)> { ("/schema/apiframe/openapi.json", GeneratorHarness.OpenApi) };
        if (withFluxSchema)
        {
            files.Add(("/schema/flux-1.1-pro.json", GeneratorHarness.FluxSchema));
        }

        return GeneratorHarness.Run(files, references: references, version: version, options: options);
    }

    [Fact]
    public void Explore()
    {
        var outcome = RunDocument();
        foreach (var d in outcome.GeneratorDiagnostics)
        {
            output.WriteLine(d.ToString());
        }

        foreach (var d in outcome.CompileDiagnostics.Take(60))
        {
            output.WriteLine(d.ToString());
        }

        output.WriteLine($"{outcome.Sources.Count(s => s.HintName.EndsWith(".Request.g.cs", StringComparison.Ordinal))} requests");
    }
}
