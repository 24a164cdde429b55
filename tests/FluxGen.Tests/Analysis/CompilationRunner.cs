using System.Collections.Immutable;
using FluxGen.Analysis;
using FluxGen.Tests.Shared;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FluxGen.Tests.Analysis;

/// <summary>Plain compilations for tests that need more than one project or many cases at once.</summary>
public static class CompilationRunner
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.CSharp12);

    public static CSharpCompilation Compile(string assemblyName, IEnumerable<string> sources, IEnumerable<MetadataReference>? references = null) =>
        CSharpCompilation.Create(
            assemblyName,
            sources.Select((source, i) => CSharpSyntaxTree.ParseText(source, ParseOptions, path: $"/{assemblyName}/File{i}.cs")),
            Net80References.All.Concat(references ?? []),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    /// <summary>The fixture records and attributes as a referenced library.</summary>
    public static MetadataReference FixtureLibrary(string assemblyName = "Fixtures.Records")
    {
        var library = Compile(assemblyName, Fixtures.ConstraintSources.Select(s => s.Source).Append(Fixtures.Records));
        using var image = new MemoryStream();
        var result = library.Emit(image);
        if (!result.Success)
        {
            throw new InvalidOperationException("Fixture library does not compile: " + string.Join(Environment.NewLine, result.Diagnostics));
        }

        return MetadataReference.CreateFromImage(image.ToArray());
    }

    /// <summary>Compiler errors (which would make a test meaningless) fail fast; otherwise the analyzer's findings.</summary>
    public static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(Compilation compilation)
    {
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0)
        {
            throw new InvalidOperationException("Test code does not compile:" + Environment.NewLine + string.Join(Environment.NewLine, errors.Take(20)));
        }

        var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new SchemaValueAnalyzer());
        return await compilation.WithAnalyzers(analyzers).GetAnalyzerDiagnosticsAsync();
    }
}
