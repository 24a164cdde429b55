using System.Collections.Immutable;
using System.Diagnostics;
using FluxGen.Analysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FluxGen.Benchmarks;

/// <summary>
/// The analyzer's own time as the compiler reports it (<c>-reportanalyzer</c> telemetry: time inside FluxGen's
/// callbacks) as a share of compiling the same 5,000-initializer compilation, measured in one run; an idle analyzer
/// with the same subscriptions is the floor. BenchmarkDotNet's <see cref="AnalyzerBenchmarks"/> times the whole
/// analyzer driver instead, which is dominated by the operation walk every operation analyzer in a build shares.
/// Two variants: every value valid (a healthy project), and one initializer in a hundred wrong, where reporting a
/// diagnostic makes Roslyn's driver scan that file once for generated-code markers, billed to the reporting analyzer.
/// </summary>
internal static class AnalyzerShare
{
    public static async Task RunAsync(int rounds)
    {
        foreach (var withFindings in new[] { false, true })
        {
            var trees = BenchmarkSources.All(5_000, 100, withFindings).Select(s => CSharpSyntaxTree.ParseText(s, new CSharpParseOptions(LanguageVersion.CSharp12))).ToList();
            var compilation = CSharpCompilation.Create("AnalyzerShare", trees, BenchmarkSources.References(), new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
            var compile = new List<double>();
            var analyzer = new List<double>();
            var idle = new List<double>();
            var dependent = new List<double>();
            var keys = new List<double>();
            var findings = 0;
            for (var round = 0; round <= rounds; round++)
            {
                var clock = Stopwatch.StartNew();
                compilation.Clone().GetDiagnostics();
                var compileTime = clock.Elapsed.TotalMilliseconds;
                var (fluxGen, reported) = await AnalyzerTimeAsync(compilation, new SchemaValueAnalyzer());
                var (idleTime, _) = await AnalyzerTimeAsync(compilation, new IdleOperationAnalyzer());
                var (dependentTime, _) = await AnalyzerTimeAsync(compilation, new FluxGen.Analysis.Dependencies.DependentMemberAnalyzer());
                var (keyTime, _) = await AnalyzerTimeAsync(compilation, new FluxGen.Analysis.Secrets.ApiKeyLiteralAnalyzer());
                findings = reported;
                if (round > 0)
                {
                    compile.Add(compileTime);
                    analyzer.Add(fluxGen);
                    idle.Add(idleTime);
                    dependent.Add(dependentTime);
                    keys.Add(keyTime);
                }
            }

            var ratio = Median(analyzer) / Median(compile);
            Console.WriteLine($"{(withFindings ? "1% invalid initializers" : "all initializers valid")} ({findings} findings), {rounds} rounds:");
            Console.WriteLine($"  compile (baseline) {Median(compile):0} ms; FluxGen analyzer {Median(analyzer):0.0} ms; idle analyzer {Median(idle):0.0} ms");
            Console.WriteLine($"  FluxGen analyzer / compile = {ratio:P1}");
            Console.WriteLine($"  FLUX050 (dependentRequired) {Median(dependent):0.0} ms = {Median(dependent) / Median(compile):P1}; FLUX051 (key literals) {Median(keys):0.0} ms = {Median(keys) / Median(compile):P1} of compile");
        }
    }

    private static async Task<(double Milliseconds, int Findings)> AnalyzerTimeAsync(CSharpCompilation compilation, DiagnosticAnalyzer analyzer)
    {
        var options = new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), null, concurrentAnalysis: false, logAnalyzerExecutionTime: true);
        var withAnalyzer = compilation.Clone().WithAnalyzers(ImmutableArray.Create(analyzer), options);
        var findings = await withAnalyzer.GetAnalyzerDiagnosticsAsync();
        var telemetry = await withAnalyzer.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None);
        return (telemetry.ExecutionTime.TotalMilliseconds, findings.Length);
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
}
