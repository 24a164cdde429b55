using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace FluxGen.Tests.Infrastructure;

/// <summary>Runs FluxGen the way the compiler does, with step tracking on, and compiles what it made.</summary>
public static class GeneratorHarness
{
    public static string SchemaFolder => Path.Combine(AppContext.BaseDirectory, "schema");

    public static string FluxSchemaPath => Path.Combine(SchemaFolder, "flux-1.1-pro.json");

    public static string FluxSchema => File.ReadAllText(FluxSchemaPath);

    public static string OpenApiPath => Path.Combine(SchemaFolder, "apiframe", "openapi.json");

    /// <summary>Apiframe's OpenAPI document as the repository bundles it.</summary>
    public static string OpenApi => OpenApiText.Value;

    private static readonly Lazy<string> OpenApiText = new(() => File.ReadAllText(OpenApiPath));

    public static CSharpParseOptions ParseOptions(LanguageVersion version = LanguageVersion.Latest) =>
        new(version, DocumentationMode.Diagnose);

    public static CSharpCompilation Compilation(IEnumerable<string> sources, ImmutableArray<MetadataReference>? references = null, LanguageVersion version = LanguageVersion.Latest, string name = "Consumer") =>
        CSharpCompilation.Create(
            name,
            sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, ParseOptions(version), path: $"Source{i}.cs")),
            references ?? ReferenceSets.Net100,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, warningLevel: 9999)
                .WithSpecificDiagnosticOptions(SdkSuppressed));

    // The SDK's NoWarn in every C# project: a package built against an older netstandard or a dependency's older
    // assembly version (CS1701, CS1702) is what NuGet's highest-version pick makes of every real down-level build.
    private static readonly ImmutableDictionary<string, ReportDiagnostic> SdkSuppressed =
        ImmutableDictionary<string, ReportDiagnostic>.Empty.Add("CS1701", ReportDiagnostic.Suppress).Add("CS1702", ReportDiagnostic.Suppress);

    /// <param name="bundled">AdditionalFiles the package's build targets would mark as its own (FluxGenBundled).</param>
    /// <param name="metadata">Item metadata by AdditionalFile path, in place of <paramref name="bundled"/>.</param>
    /// <param name="others">Other generators in the same project, run beside FluxGen (each sees only the input).</param>
    public static GeneratorDriver Driver(IEnumerable<AdditionalText> texts, IReadOnlyDictionary<string, string>? options = null, LanguageVersion version = LanguageVersion.Latest, IEnumerable<string>? bundled = null, IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>? metadata = null, IEnumerable<ISourceGenerator>? others = null) =>
        CSharpGeneratorDriver.Create(
            new[] { new FluxGenGenerator().AsSourceGenerator() }.Concat(others ?? []),
            texts,
            ParseOptions(version),
            new GlobalOptionsProvider(options ?? new Dictionary<string, string>(), metadata ?? BundledMetadata(bundled)),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    private static Dictionary<string, IReadOnlyDictionary<string, string>>? BundledMetadata(IEnumerable<string>? paths) =>
        paths?.ToDictionary(p => p, IReadOnlyDictionary<string, string> (_) => new Dictionary<string, string> { ["build_metadata.AdditionalFiles.FluxGenBundled"] = "true" });

    /// <summary>Runs the generator over the given schema files and returns the updated compilation and diagnostics.</summary>
    public static RunOutcome Run(IEnumerable<(string Path, string Text)> schemas, IEnumerable<string>? sources = null, ImmutableArray<MetadataReference>? references = null, LanguageVersion version = LanguageVersion.Latest, IReadOnlyDictionary<string, string>? options = null, IEnumerable<string>? bundled = null, IEnumerable<ISourceGenerator>? others = null)
    {
        var compilation = Compilation(sources ?? Array.Empty<string>(), references, version);
        var driver = Driver(schemas.Select(s => (AdditionalText)new InMemoryText(s.Path, s.Text)), options, version, bundled, others: others);
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        return new RunOutcome(driver, output, generatorDiagnostics, driver.GetRunResult());
    }

    public static RunOutcome RunFlux(IEnumerable<string>? sources = null, ImmutableArray<MetadataReference>? references = null, LanguageVersion version = LanguageVersion.Latest, IReadOnlyDictionary<string, string>? options = null) =>
        Run(new[] { ("/schema/flux-1.1-pro.json", FluxSchema) }, sources, references, version, options);

    /// <summary>Generated files turn nullable warnings off for the consumer (see the generator's Header); here they are
    /// turned back on (a generated file's default context is off whatever the project says), so a nullable mistake
    /// in emitted code still fails every test that checks for warnings.</summary>
    public static Compilation WithNullableWarningsFor(Compilation compilation)
    {
        const string Lenient = "#nullable enable annotations\n#nullable disable warnings\n";
        var result = compilation;
        foreach (var tree in compilation.SyntaxTrees)
        {
            var text = tree.GetText().ToString();
            var at = text.IndexOf(Lenient, StringComparison.Ordinal);
            if (at >= 0 && tree.FilePath.EndsWith(".g.cs", StringComparison.Ordinal))
            {
                var strict = text.Remove(at, Lenient.Length).Insert(at, "#nullable enable\n");
                result = result.ReplaceSyntaxTree(tree, tree.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From(strict, System.Text.Encoding.UTF8)));
            }
        }

        return result;
    }
}

public sealed record RunOutcome(GeneratorDriver Driver, Compilation Output, ImmutableArray<Diagnostic> GeneratorDiagnostics, GeneratorDriverRunResult RunResult)
{
    /// <summary>Every error, and every warning in generated code (consumers treat warnings as errors); the test's own
    /// snippets are not held to the documentation rule.</summary>
    public IReadOnlyList<Diagnostic> CompileDiagnostics =>
        GeneratorHarness.WithNullableWarningsFor(Output).GetDiagnostics()
            .Where(d => d.Severity == DiagnosticSeverity.Error
                || (d.Severity == DiagnosticSeverity.Warning && d.Location.SourceTree?.FilePath.EndsWith(".g.cs", StringComparison.Ordinal) == true)
                || (d.Severity == DiagnosticSeverity.Warning && d.Id != "CS1591"))
            .ToList();

    /// <summary>What FluxGen wrote (the first generator of the run).</summary>
    public IReadOnlyList<GeneratedSourceResult> Sources => RunResult.Results[0].GeneratedSources;

    public string Source(string hintName) => Sources.Single(s => s.HintName == hintName).SourceText.ToString();

    /// <summary>Emits the output and loads it into a collectible context for running generated code.</summary>
    public System.Reflection.Assembly Load()
    {
        using var stream = new MemoryStream();
        var emit = Output.Emit(stream);
        Assert.True(emit.Success, string.Join(Environment.NewLine, emit.Diagnostics));
        stream.Position = 0;
        var context = new System.Runtime.Loader.AssemblyLoadContext(Guid.NewGuid().ToString("N"), isCollectible: true);
        return context.LoadFromStream(stream);
    }
}
