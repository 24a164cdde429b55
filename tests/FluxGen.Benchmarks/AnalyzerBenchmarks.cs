using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using FluxGen.Analysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FluxGen.Benchmarks;

/// <summary>
/// What the value analyzer adds to a build: one compilation with 5,000 initializers of the records FluxGen generates
/// for flux-1.1-pro (constants in every constrained member), compiled with and without <see cref="SchemaValueAnalyzer"/>. The ratio column is the cost of compiling with the analyzer relative to
/// compiling alone.
/// </summary>
[MemoryDiagnoser]
public class AnalyzerBenchmarks
{
    private const int Initializers = 5_000;
    private const int PerClass = 100;

    // One initializer in a hundred is wrong, so the run also proves the analyzer is looking.
    private const int ExpectedFindings = Initializers / 100;

    private CSharpCompilation _compilation = null!;
    private ImmutableArray<DiagnosticAnalyzer> _analyzers;

    [GlobalSetup]
    public void Setup()
    {
        var trees = BenchmarkSources.All(Initializers, PerClass).Select(s => CSharpSyntaxTree.ParseText(s, new CSharpParseOptions(LanguageVersion.CSharp12)));
        _compilation = CSharpCompilation.Create(
            "AnalyzerBenchmark",
            trees,
            BenchmarkSources.References(),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        _analyzers = [new SchemaValueAnalyzer()];

        var errors = _compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0)
        {
            throw new InvalidOperationException("Benchmark code does not compile: " + string.Join(Environment.NewLine, errors.Take(10)));
        }

        var findings = _compilation.Clone().WithAnalyzers(_analyzers).GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
        if (findings.Length != ExpectedFindings)
        {
            throw new InvalidOperationException($"Expected {ExpectedFindings} findings, the analyzer reported {findings.Length}.");
        }
    }

    /// <summary>The compiler alone: binding and checking every method body.</summary>
    [Benchmark(Baseline = true)]
    public int CompileWithoutAnalyzer() => _compilation.Clone().GetDiagnostics().Length;

    /// <summary>The analyzer driver's own share: an analyzer that subscribes to the same operations and does
    /// nothing, so the gap to <see cref="CompileWithAnalyzer"/> is the value checks themselves.</summary>
    [Benchmark]
    public int CompileWithIdleOperationAnalyzer() =>
        _compilation.Clone().WithAnalyzers([new IdleOperationAnalyzer()]).GetAllDiagnosticsAsync().GetAwaiter().GetResult().Length;

    /// <summary>The same compilation with the analyzer, as a build runs it.</summary>
    [Benchmark]
    public int CompileWithAnalyzer() =>
        _compilation.Clone().WithAnalyzers(_analyzers).GetAllDiagnosticsAsync().GetAwaiter().GetResult().Length;
}

/// <summary>Subscribes to assignments and arguments like <see cref="SchemaValueAnalyzer"/> and ignores them.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class IdleOperationAnalyzer : DiagnosticAnalyzer
{
    private static readonly DiagnosticDescriptor Unused = new("IDLE001", "Unused", "Unused", "Benchmark", DiagnosticSeverity.Hidden, isEnabledByDefault: true);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Unused];

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterOperationAction(_ => { }, OperationKind.SimpleAssignment, OperationKind.Argument);
    }
}

/// <summary>Sources and references for the benchmark compilation: FluxGen's real output for flux-1.1-pro (records,
/// enums, constraint attributes, client runtime), plus the initializers.</summary>
internal static class BenchmarkSources
{
    /// <param name="viaLocals">Each value is first put in a local and the initializer reads the locals, as code that
    /// computes its settings does: the flow analysis then builds a graph for every method.</param>
    public static IEnumerable<string> All(int initializers, int perClass, bool withFindings = true, bool viaLocals = false)
    {
        foreach (var generated in Generated())
        {
            yield return generated;
        }

        for (var start = 0; start < initializers; start += perClass)
        {
            yield return Requests(start, Math.Min(perClass, initializers - start), withFindings, viaLocals);
        }
    }

    public static IEnumerable<MetadataReference> References() => FluxGen.Tests.Infrastructure.ReferenceSets.Net100;

    /// <summary>Runs the generator once over the bundled schema and returns what it wrote.</summary>
    public static IReadOnlyList<string> Generated()
    {
        var schemaPath = Path.Combine(AppContext.BaseDirectory, "schema", "flux-1.1-pro.json");
        var schema = new SchemaText(schemaPath, File.ReadAllText(schemaPath));
        var empty = CSharpCompilation.Create("Empty", references: References());
        var driver = CSharpGeneratorDriver.Create(new[] { new FluxGenGenerator().AsSourceGenerator() }, new[] { (AdditionalText)schema }, new CSharpParseOptions(LanguageVersion.CSharp12));
        return driver.RunGenerators(empty).GetRunResult().GeneratedTrees.Select(t => t.ToString()).ToList();
    }

    private sealed class SchemaText(string path, string text) : AdditionalText
    {
        private readonly Microsoft.CodeAnalysis.Text.SourceText _text = Microsoft.CodeAnalysis.Text.SourceText.From(text);

        public override string Path { get; } = path;

        public override Microsoft.CodeAnalysis.Text.SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }

    private static string Requests(int start, int count, bool withFindings, bool viaLocals)
    {
        var source = new StringBuilder("using Apiframe;\n\nnamespace Consumer;\n\npublic static class Requests").Append(start).Append("\n{\n");
        for (var i = start; i < start + count; i++)
        {
            var quality = (withFindings && i % 100 == 99 ? 101 : i % 101).ToString(CultureInfo.InvariantCulture);
            var strength = (i % 21 * 5 / 100m).ToString(CultureInfo.InvariantCulture);
            var image = "\"https://example.com/ref/" + i.ToString(CultureInfo.InvariantCulture) + ".png\"";
            source.Append("    public static Flux11ProRequest R").Append(i).Append("(string hook)");
            if (viaLocals)
            {
                source.Append("\n    {\n")
                    .Append("        var quality = ").Append(quality).Append(";\n")
                    .Append("        var strength = ").Append(strength).Append(";\n")
                    .Append("        var image = ").Append(image).Append(";\n")
                    .Append("        return new(\"a red umbrella, take ").Append(i).Append("\")\n");
                (quality, strength, image) = ("quality", "strength", "image");
            }
            else
            {
                source.Append(" => new(\"a red umbrella, take ").Append(i).Append("\")\n");
            }

            source.Append("    {\n")
                .Append("        WebhookUrl = \"https://example.com/hooks/").Append(i).Append("\",\n")
                .Append("        WebhookEvents = [WebhookEvent.Completed, WebhookEvent.Failed],\n")
                .Append("        FluxParams = new()\n")
                .Append("        {\n")
                .Append("            OutputQuality = ").Append(quality).Append(",\n")
                .Append("            ImagePrompt = ").Append(image).Append(",\n")
                .Append("            ImagePromptStrength = ").Append(strength).Append(",\n")
                .Append("            OutputFormat = Flux11ProOutputFormat.Png,\n")
                .Append("            AspectRatio = Flux11ProAspectRatio.Ratio16x9,\n")
                .Append("            Seed = ").Append(i * 7919L).Append(",\n")
                .Append("            Raw = ").Append(i % 2 == 0 ? "true" : "false").Append(",\n")
                .Append("        },\n")
                .Append("    };\n")
                .Append(viaLocals ? "    }\n\n" : "\n");
        }

        return source.Append("}\n").ToString();
    }
}
