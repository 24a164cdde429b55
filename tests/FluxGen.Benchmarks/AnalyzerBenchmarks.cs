using System.Collections.Immutable;
using System.Globalization;
using System.Reflection;
using System.Text;
using BenchmarkDotNet.Attributes;
using FluxGen.Analysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FluxGen.Benchmarks;

/// <summary>
/// What the value analyzer adds to a build: one compilation with 5,000 request initializers (hand-written records
/// carrying the constraint attributes, constants in every constrained member), compiled with and without
/// <see cref="SchemaValueAnalyzer"/>. The ratio column is the cost of compiling with the analyzer relative to
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

/// <summary>Sources and references for the benchmark compilation.</summary>
internal static class BenchmarkSources
{
    private const string ConstraintResourcePrefix = "FluxGen.Support.Constraints";

    private const string Records = """
        #nullable enable
        using System.Collections.Generic;
        using Apiframe.Constraints;

        namespace Apiframe
        {
            public sealed partial record Flux11ProRequest
            {
                public Flux11ProRequest([SchemaProperty("prompt")][SchemaLength(MinLength = 1, MaxLength = 2000)] string prompt) { Prompt = prompt; }
                [SchemaProperty("prompt")][SchemaLength(MinLength = 1, MaxLength = 2000)] public string Prompt { get; init; }
                [SchemaProperty("webhookUrl")][SchemaFormat("uri")] public string? WebhookUrl { get; init; }
                [SchemaProperty("webhookEvents")][SchemaItems(MinItems = 1)] public IReadOnlyList<WebhookEvent>? WebhookEvents { get; init; }
                public Flux11ProParams? FluxParams { get; init; }
            }

            public sealed partial record Flux11ProParams
            {
                [SchemaProperty("fluxParams.image_prompt")][SchemaFormat("uri")] public string? ImagePrompt { get; init; }
                [SchemaProperty("fluxParams.image_prompt_strength")][SchemaRange(Minimum = "0", Maximum = "1")][SchemaMultipleOf("0.05")] public double? ImagePromptStrength { get; init; }
                [SchemaProperty("fluxParams.output_format")][SchemaAllowedValues("jpg", "png", "webp")] public Flux11ProOutputFormat? OutputFormat { get; init; }
                [SchemaProperty("fluxParams.output_quality")][SchemaRange(Minimum = "0", Maximum = "100")][SchemaMultipleOf("1")] public int? OutputQuality { get; init; }
                [SchemaProperty("fluxParams.raw")] public bool? Raw { get; init; }
                [SchemaProperty("fluxParams.seed")][SchemaMultipleOf("1")] public long? Seed { get; init; }
                [SchemaProperty("fluxParams.aspect_ratio")][SchemaAllowedValues("1:1", "3:4", "4:3", "9:16", "16:9")] public Flux11ProAspectRatio? AspectRatio { get; init; }
            }

            public enum Flux11ProOutputFormat { Jpg, Png, Webp }
            public enum Flux11ProAspectRatio { Ratio1x1, Ratio3x4, Ratio4x3, Ratio9x16, Ratio16x9 }
            public enum WebhookEvent { Progress, Completed, Failed }
        }
        """;

    public static IEnumerable<string> All(int initializers, int perClass)
    {
        var assembly = typeof(SchemaValueAnalyzer).Assembly;
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ConstraintResourcePrefix, StringComparison.Ordinal)))
        {
            using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
            yield return reader.ReadToEnd();
        }

        yield return Records;
        for (var start = 0; start < initializers; start += perClass)
        {
            yield return Requests(start, Math.Min(perClass, initializers - start));
        }
    }

    public static IEnumerable<MetadataReference> References()
    {
        var metadata = typeof(BenchmarkSources).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().ToDictionary(a => a.Key, a => a.Value);
        var folder = Path.Combine(metadata["NuGetPackageRoot"]!, "microsoft.netcore.app.ref", metadata["NetCoreRef8Version"]!, "ref", "net8.0");
        return Directory.GetFiles(folder, "*.dll").Select(path => MetadataReference.CreateFromFile(path));
    }

    private static string Requests(int start, int count)
    {
        var source = new StringBuilder("using Apiframe;\n\nnamespace Consumer;\n\npublic static class Requests").Append(start).Append("\n{\n");
        for (var i = start; i < start + count; i++)
        {
            var quality = i % 100 == 99 ? 101 : i % 101;
            var strength = (i % 21 * 5 / 100m).ToString(CultureInfo.InvariantCulture);
            source.Append("    public static Flux11ProRequest R").Append(i).Append("(string hook) => new(\"a red umbrella, take ").Append(i).Append("\")\n")
                .Append("    {\n")
                .Append("        WebhookUrl = \"https://example.com/hooks/").Append(i).Append("\",\n")
                .Append("        WebhookEvents = [WebhookEvent.Completed, WebhookEvent.Failed],\n")
                .Append("        FluxParams = new()\n")
                .Append("        {\n")
                .Append("            OutputQuality = ").Append(quality).Append(",\n")
                .Append("            ImagePromptStrength = ").Append(strength).Append(",\n")
                .Append("            OutputFormat = Flux11ProOutputFormat.Png,\n")
                .Append("            AspectRatio = Flux11ProAspectRatio.Ratio16x9,\n")
                .Append("            Seed = ").Append(i * 7919L).Append(",\n")
                .Append("            Raw = ").Append(i % 2 == 0 ? "true" : "false").Append(",\n")
                .Append("        },\n")
                .Append("    };\n\n");
        }

        return source.Append("}\n").ToString();
    }
}
