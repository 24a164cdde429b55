using System.Reflection;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using FluxGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace FluxGen.Benchmarks;

/// <summary>
/// What typing every model of Apiframe's OpenAPI document costs, three questions in one run, each against its own
/// baseline (BenchmarkDotNet category):
/// <list type="bullet">
/// <item><b>build</b>: parse + FluxGen + compile and emit of a small consumer that uses flux-1.1-pro: with its schema
/// file only (baseline), with the whole document beside it as the package adds it (<c>FluxGenModels</c> unset: every
/// model available, the used ones written), and with every model written (<c>FluxGenModels</c> = <c>*</c>);</item>
/// <item><b>generator</b>: FluxGen's cold run alone, flux-1.1-pro only (baseline), with the document beside it (the
/// default: what the build above adds, measured without the compile's noise) and every model written;</item>
/// <item><b>vs STJ</b>: System.Text.Json's source generator over the same record types (every request record of the
/// document in one <c>JsonSerializerContext</c>; baseline) and FluxGen's cold run writing every model.</item>
/// </list>
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class OpenApiBenchmarks
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

    private static readonly CSharpParseOptions Parse = new(LanguageVersion.Latest);

    private AdditionalText _flux = null!;
    private AdditionalText _document = null!;
    private CSharpCompilation _consumer = null!;
    private CSharpCompilation _stjInput = null!;
    private ISourceGenerator _stj = null!;

    /// <summary>How many request records the STJ context covers (every model).</summary>
    public int RecordTypes { get; private set; }

    /// <summary>The request record of every model, in the generator's output order.</summary>
    public IReadOnlyList<string> RequestTypeNames { get; private set; } = [];

    [GlobalSetup]
    public void Setup()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "schema");
        _flux = new FileText(Path.Combine(folder, "flux-1.1-pro.json"));
        _document = new FileText(Path.Combine(folder, "apiframe", "openapi.json"));
        _consumer = Compile(new[] { CSharpSyntaxTree.ParseText(Usage, Parse) });

        // The STJ baseline sees exactly FluxGen's records (as plain source) and a context naming every request type.
        Driver(EveryModel, _flux, _document).RunGeneratorsAndUpdateCompilation(_consumer, out var generated, out _);
        var requests = generated.SyntaxTrees
            .Where(t => t.FilePath.EndsWith(".Request.g.cs", StringComparison.Ordinal))
            .Select(t => Path.GetFileName(t.FilePath).Split('.')[0] + "Request")
            .ToList();
        RecordTypes = requests.Count;
        RequestTypeNames = requests;
        var context = "namespace Apiframe;\n"
            + string.Concat(requests.Select(r => $"[System.Text.Json.Serialization.JsonSerializable(typeof({r}))]\n"))
            + "internal sealed partial class DocumentJsonContext : System.Text.Json.Serialization.JsonSerializerContext { }\n";
        _stjInput = Compile(generated.SyntaxTrees.Select(t => CSharpSyntaxTree.ParseText(t.ToString(), Parse, t.FilePath))
            .Append(CSharpSyntaxTree.ParseText(context, Parse)));
        _stj = StjGenerator();

        // The compiler shares a reference's symbols between compilations only while one of them is alive; bound and
        // kept here, they are shared by every build below, as a build server shares them between builds. Without it,
        // whether a build had to rebuild them depended on when the last collection ran (a 20 % spread).
        _ = _consumer.Assembly.GetTypeByMetadataName("System.Object");
    }

    [BenchmarkCategory("build"), Benchmark(Baseline = true, Description = "build: parse + FluxGen + compile/emit, flux-1.1-pro only")]
    public long BuildFluxOnly() => Build(_flux);

    [BenchmarkCategory("build"), Benchmark(Description = "build: parse + FluxGen + compile/emit, document beside it (default: models on use)")]
    public long BuildDocumentOnUse() => Build(_flux, _document);

    [BenchmarkCategory("build"), Benchmark(Description = "build: parse + FluxGen + compile/emit, every model written (FluxGenModels=*)")]
    public long BuildEveryModel() => Build(EveryModel, _flux, _document);

    [BenchmarkCategory("generator"), Benchmark(Baseline = true, Description = "generator: FluxGen cold run, flux-1.1-pro only")]
    public int GeneratorFluxOnly() => Driver(_flux).RunGenerators(_consumer).GetRunResult().GeneratedTrees.Length;

    [BenchmarkCategory("generator"), Benchmark(Description = "generator: FluxGen cold run, document beside it (default: models on use)")]
    public int GeneratorDocumentOnUse() => Driver(_flux, _document).RunGenerators(_consumer).GetRunResult().GeneratedTrees.Length;

    [BenchmarkCategory("generator"), Benchmark(Description = "generator: FluxGen cold run, every model written")]
    public int GeneratorEveryModel() => Driver(EveryModel, _flux, _document).RunGenerators(_consumer).GetRunResult().GeneratedTrees.Length;

    [BenchmarkCategory("vs STJ"), Benchmark(Baseline = true, Description = "vs STJ: System.Text.Json source generator, every request record")]
    public int StjGeneratorEveryModel() =>
        CSharpGeneratorDriver.Create(new[] { _stj }, parseOptions: Parse).RunGenerators(_stjInput).GetRunResult().GeneratedTrees.Length;

    [BenchmarkCategory("vs STJ"), Benchmark(Description = "vs STJ: FluxGen cold run, every model written")]
    public int FluxGenEveryModel() => Driver(EveryModel, _flux, _document).RunGenerators(_consumer).GetRunResult().GeneratedTrees.Length;

    private long Build(params AdditionalText[] texts) => Build(null, texts);

    private long Build(AnalyzerConfigOptionsProvider? options, params AdditionalText[] texts)
    {
        var consumer = Compile(new[] { CSharpSyntaxTree.ParseText(Usage, Parse) });
        Driver(options, texts).RunGeneratorsAndUpdateCompilation(consumer, out var output, out _);
        using var image = new MemoryStream();
        var result = output.Emit(image);
        return result.Success ? image.Length : throw new InvalidOperationException(string.Join("\n", result.Diagnostics));
    }

    /// <summary><c>FluxGenModels</c> = <c>*</c>, as the package hands it to the generator.</summary>
    private static readonly AnalyzerConfigOptionsProvider EveryModel = new StarOptions();

    private static GeneratorDriver Driver(params AdditionalText[] texts) => Driver(null, texts);

    private static GeneratorDriver Driver(AnalyzerConfigOptionsProvider? options, params AdditionalText[] texts) =>
        CSharpGeneratorDriver.Create(new[] { new FluxGenGenerator().AsSourceGenerator() }, texts, Parse, options);

    private static CSharpCompilation Compile(IEnumerable<SyntaxTree> trees) =>
        CSharpCompilation.Create("Consumer", trees, ReferenceSets.Net100, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    /// <summary>System.Text.Json's generator as the SDK ships it, from the same reference pack the consumer compiles against.</summary>
    private static ISourceGenerator StjGenerator()
    {
        var pack = Path.GetDirectoryName(Path.GetDirectoryName(ReferenceSets.PackageFolder("NetCoreRef10Version", "net10.0")))!;
        var path = Path.Combine(pack, "analyzers", "dotnet", "cs", "System.Text.Json.SourceGeneration.dll");
        var reference = new AnalyzerFileReference(path, new Loader());
        return reference.GetGenerators(LanguageNames.CSharp).Single();
    }

    private sealed class StarOptions : AnalyzerConfigOptionsProvider
    {
        public override AnalyzerConfigOptions GlobalOptions { get; } = new Star();

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => GlobalOptions;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => GlobalOptions;

        private sealed class Star : AnalyzerConfigOptions
        {
            public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value)
            {
                value = key == "build_property.FluxGenModelList" ? "*" : null;
                return value is not null;
            }
        }
    }

    private sealed class Loader : IAnalyzerAssemblyLoader
    {
        public void AddDependencyLocation(string fullPath)
        {
        }

        public Assembly LoadFromPath(string fullPath) => Assembly.LoadFrom(fullPath);
    }

    private sealed class FileText(string path) : AdditionalText
    {
        private readonly SourceText _text = SourceText.From(File.ReadAllText(path));

        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }
}
