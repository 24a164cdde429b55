using BenchmarkDotNet.Attributes;
using FluxGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace FluxGen.Benchmarks;

/// <summary>
/// What FluxGen costs a build of a small consumer project that uses flux-1.1-pro. Baseline: parsing and compiling
/// the same project with FluxGen's output already written out as source files (no generator). Then: a cold generator
/// run alone, a warm rerun after an unrelated edit (what the IDE pays per keystroke), and the whole build with the
/// generator.
/// </summary>
[MemoryDiagnoser]
public class GeneratorBenchmarks
{
    private const string Usage = """
        using Apiframe;
        public static class Usage
        {
            public static string Build() => new Flux11ProRequest("a red umbrella")
            {
                FluxParams = new() { AspectRatio = Flux11ProAspectRatio.Ratio16x9, OutputQuality = 80 },
            }.ToJson();
        }
        """;

    private AdditionalText _schema = null!;
    private CSharpCompilation _consumer = null!;
    private string[] _pregenerated = null!;
    private GeneratorDriver _warm = null!;
    private CSharpCompilation _edited = null!;

    [GlobalSetup]
    public void Setup()
    {
        var schemaPath = Path.Combine(AppContext.BaseDirectory, "schema", "flux-1.1-pro.json");
        _schema = new FileText(schemaPath, File.ReadAllText(schemaPath));
        _consumer = Compile(new[] { CSharpSyntaxTree.ParseText(Usage, Parse) });
        _warm = NewDriver().RunGeneratorsAndUpdateCompilation(_consumer, out var output, out _);
        _pregenerated = output.SyntaxTrees.Select(t => t.ToString()).ToArray();
        var tree = _consumer.SyntaxTrees.Single();
        _edited = _consumer.ReplaceSyntaxTree(tree, tree.WithChangedText(SourceText.From(Usage + "\n// edited")));
    }

    [Benchmark(Baseline = true, Description = "parse + compile consumer, output pre-generated (no FluxGen)")]
    public int CompileWithoutGenerator() =>
        Compile(_pregenerated.Select(text => CSharpSyntaxTree.ParseText(text, Parse))).GetDiagnostics().Length;

    [Benchmark(Description = "FluxGen cold run, flux-1.1-pro")]
    public int GeneratorColdRun() => NewDriver().RunGenerators(_consumer).GetRunResult().GeneratedTrees.Length;

    [Benchmark(Description = "FluxGen warm rerun after an unrelated edit")]
    public int GeneratorWarmRerun() => _warm.RunGenerators(_edited).GetRunResult().GeneratedTrees.Length;

    [Benchmark(Description = "parse + FluxGen cold run + compile")]
    public int GeneratorAndCompile()
    {
        var consumer = Compile(new[] { CSharpSyntaxTree.ParseText(Usage, Parse) });
        NewDriver().RunGeneratorsAndUpdateCompilation(consumer, out var output, out _);
        return output.GetDiagnostics().Length;
    }

    private static readonly CSharpParseOptions Parse = new(LanguageVersion.Latest);

    private GeneratorDriver NewDriver() =>
        CSharpGeneratorDriver.Create(new[] { new FluxGenGenerator().AsSourceGenerator() }, new[] { _schema }, Parse);

    private static CSharpCompilation Compile(IEnumerable<SyntaxTree> trees) =>
        CSharpCompilation.Create("Consumer", trees, ReferenceSets.Net100, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    private sealed class FileText(string path, string text) : AdditionalText
    {
        private readonly SourceText _text = SourceText.From(text);

        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }
}
