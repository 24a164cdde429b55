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
/// diagnostic makes Roslyn's driver scan that file once for generated-code markers, billed to the reporting analyzer;
/// each both with constants written in the initializers and with the values read from locals (the flow analysis'
/// work), and the value analyzer both with its flow analysis on and off.
/// </summary>
/// <remarks>
/// The telemetry is wall time inside callbacks, so two things the analyzer does not do land in it at random: a
/// garbage collection triggered by the compiler's allocations while a callback runs, and the callback's thread
/// waiting for a core while the compiler binds other files in parallel (this machine has two). Profiling showed
/// both swinging one analyzer between 10 and 90 ms from round to round of the same run, so by default every measured
/// pass, the compile baseline included, runs on one thread and with no collection inside it
/// (<see cref="GC.TryStartNoGCRegion(long)"/>): each figure is then the work itself. <c>--parallel</c> measures the
/// way a build runs instead (parallel binding, collections as they fall), noisy as it is.
/// </remarks>
internal static class AnalyzerShare
{
    // Enough for any one measured pass (a compile of this compilation allocates about 250 MB).
    private const long NoCollectionBudget = 1L << 30;

    private static bool s_parallel;

    public static async Task RunAsync(int rounds, bool parallel)
    {
        s_parallel = parallel;
        Console.WriteLine(parallel
            ? "Parallel binding, collections as they fall (as a build runs; noisy):"
            : "One thread, no garbage collection inside a measured pass (see AnalyzerShare's remarks; --parallel for build conditions):");
        foreach (var (withFindings, viaLocals) in new[] { (false, false), (true, false), (false, true), (true, true) })
        {
            var trees = BenchmarkSources.All(5_000, 100, withFindings, viaLocals).Select(s => CSharpSyntaxTree.ParseText(s, new CSharpParseOptions(LanguageVersion.CSharp12))).ToList();
            var compilation = CSharpCompilation.Create("AnalyzerShare", trees, BenchmarkSources.References(), new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, concurrentBuild: parallel));
            var compile = new List<double>();
            var analyzer = new List<double>();
            var idle = new List<double>();
            var reporting = new List<double>();
            var dependent = new List<double>();
            var keys = new List<double>();
            var flowOff = new List<double>();

            // Where FluxGen reports, found once: the trivial reporting analyzer reports at exactly these places.
            var places = (await compilation.Clone().WithAnalyzers([new SchemaValueAnalyzer()]).GetAnalyzerDiagnosticsAsync())
                .Select(d => (d.Location.SourceTree!, d.Location.SourceSpan)).ToHashSet();
            var findings = places.Count;
            for (var round = 0; round <= rounds; round++)
            {
                var compileTime = Quietly(() =>
                {
                    var clock = Stopwatch.StartNew();
                    compilation.Clone().GetDiagnostics();
                    return clock.Elapsed.TotalMilliseconds;
                });
                var (fluxGen, reported) = await AnalyzerTimeAsync(compilation, new SchemaValueAnalyzer());
                var (idleTime, _) = await AnalyzerTimeAsync(compilation, new IdleOperationAnalyzer());
                var (reportingTime, reportedByTrivial) = await AnalyzerTimeAsync(compilation, new ReportingTrivialAnalyzer(places));
                if (reported != findings || reportedByTrivial != findings)
                {
                    throw new InvalidOperationException($"Expected {findings} findings from both analyzers, got {reported} and {reportedByTrivial}.");
                }

                var (dependentTime, _) = await AnalyzerTimeAsync(compilation, new FluxGen.Analysis.Dependencies.DependentMemberAnalyzer());
                var (keyTime, _) = await AnalyzerTimeAsync(compilation, new FluxGen.Analysis.Secrets.ApiKeyLiteralAnalyzer());
                var (flowOffTime, _) = await AnalyzerTimeAsync(compilation, new SchemaValueAnalyzer(), FlowSwitch.Off);

                if (round > 0)
                {
                    compile.Add(compileTime);
                    analyzer.Add(fluxGen);
                    idle.Add(idleTime);
                    reporting.Add(reportingTime);
                    dependent.Add(dependentTime);
                    keys.Add(keyTime);
                    flowOff.Add(flowOffTime);
                }
            }

            var ratio = Median(analyzer) / Median(compile);
            Console.WriteLine($"{(withFindings ? "1% invalid initializers" : "all initializers valid")}{(viaLocals ? ", values read from locals" : string.Empty)} ({findings} findings), {rounds} rounds:");
            Console.WriteLine($"  compile (baseline) {Median(compile):0} ms; FluxGen analyzer {Median(analyzer):0.0} ms; idle analyzer {Median(idle):0.0} ms; trivial analyzer reporting the same {findings} diagnostics {Median(reporting):0.0} ms");
            Console.WriteLine($"  FluxGen analyzer / compile = {ratio:P1}; trivial reporting analyzer / compile = {Median(reporting) / Median(compile):P1}");
            Console.WriteLine($"  FluxGen analyzer with the flow analysis off (fluxgen_flow_analysis = false) {Median(flowOff):0.0} ms = {Median(flowOff) / Median(compile):P1}; flow on / off = {Median(analyzer) / Median(flowOff):0.00}x");
            Console.WriteLine($"  FLUX050 (dependentRequired) {Median(dependent):0.0} ms = {Median(dependent) / Median(compile):P1}; FLUX051 (key literals) {Median(keys):0.0} ms = {Median(keys) / Median(compile):P1} of compile");
        }
    }

    private static async Task<(double Milliseconds, int Findings)> AnalyzerTimeAsync(CSharpCompilation compilation, DiagnosticAnalyzer analyzer, AnalyzerConfigOptionsProvider? config = null)
    {
        var analyzerOptions = config is null ? new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty) : new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, config);
        var options = new CompilationWithAnalyzersOptions(analyzerOptions, null, concurrentAnalysis: false, logAnalyzerExecutionTime: true);
        var clone = compilation.Clone();
        // Binding the references is the first thing every build does, once, whatever analyzers run; on a fresh clone
        // it would be billed to whichever analyzer first asks for a symbol, so it is done before the clock starts.
        _ = clone.Assembly;
        var withAnalyzer = clone.WithAnalyzers(ImmutableArray.Create(analyzer), options);
        var findings = Quietly(() => withAnalyzer.GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult());
        var telemetry = await withAnalyzer.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None);
        return (telemetry.ExecutionTime.TotalMilliseconds, findings.Length);
    }

    /// <summary>Runs one measured pass from a clean heap, with no collection inside it unless --parallel.</summary>
    private static T Quietly<T>(Func<T> pass)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var quiet = !s_parallel && GC.TryStartNoGCRegion(NoCollectionBudget);
        try
        {
            return pass();
        }
        finally
        {
            if (quiet && System.Runtime.GCSettings.LatencyMode == System.Runtime.GCLatencyMode.NoGCRegion)
            {
                GC.EndNoGCRegion();
            }
        }
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
}

/// <summary>The second baseline: subscribes like <see cref="SchemaValueAnalyzer"/>, checks nothing, and reports one
/// diagnostic at each of the given places, so its time is what the compiler charges an analyzer for reporting the
/// same findings at the same places.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class ReportingTrivialAnalyzer(HashSet<(SyntaxTree Tree, Microsoft.CodeAnalysis.Text.TextSpan Span)> places) : DiagnosticAnalyzer
{
    private static readonly DiagnosticDescriptor Finding = new("TRIVIAL001", "Finding", "Finding", "Benchmark", DiagnosticSeverity.Error, isEnabledByDefault: true);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Finding];

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterOperationAction(Report, OperationKind.SimpleAssignment, OperationKind.Argument);
    }

    private void Report(OperationAnalysisContext context)
    {
        // FluxGen reports on the value: the right side of an assignment, the expression of an argument.
        var value = context.Operation.Syntax switch
        {
            Microsoft.CodeAnalysis.CSharp.Syntax.AssignmentExpressionSyntax assignment => assignment.Right,
            Microsoft.CodeAnalysis.CSharp.Syntax.ArgumentSyntax argument => argument.Expression,
            var other => other,
        };
        if (places.Contains((value.SyntaxTree, value.Span)))
        {
            context.ReportDiagnostic(Diagnostic.Create(Finding, value.GetLocation()));
        }
    }
}

/// <summary>The same setting in every file, as a project-wide <c>.editorconfig</c> would give it.</summary>
internal sealed class FlowSwitch(AnalyzerConfigOptions options) : AnalyzerConfigOptionsProvider
{
    /// <summary><c>fluxgen_flow_analysis = false</c>: only constants are judged.</summary>
    public static readonly FlowSwitch Off = new(new Options("fluxgen_flow_analysis", "false"));

    public override AnalyzerConfigOptions GlobalOptions => options;

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => options;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => options;

    private sealed class Options(string key, string value) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? found)
        {
            found = name == key ? value : null;
            return found is not null;
        }
    }
}
