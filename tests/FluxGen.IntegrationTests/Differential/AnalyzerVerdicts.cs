using System.Collections.Immutable;
using System.Reflection;
using System.Text;
using Apiframe;
using FluxGen.IntegrationTests.Package;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FluxGen.IntegrationTests.Differential;

/// <summary>
/// The analyzer's verdicts for many cases from one compilation: one generated source file with one object
/// initializer per line, compiled against this assembly's generated records; each FLUX diagnostic maps back to
/// its case by its line.
/// </summary>
internal static class AnalyzerVerdicts
{
    private const string Header = """
        using Apiframe;

        internal static class DifferentialCases
        {
            internal static void All()
            {

        """;

    private static readonly int FirstLine = Header.Split('\n').Length - 1;

    // FluxGen's analyzer as the build loads it: the project reference builds it beside this test's configuration.
    private static readonly Lazy<DiagnosticAnalyzer> Analyzer = new(() =>
    {
        var configuration = typeof(AnalyzerVerdicts).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var path = Path.Combine(RepositoryPaths.Root, "src", "FluxGen", "bin", configuration, "netstandard2.0", "FluxGen.dll");
        var type = Assembly.LoadFrom(path).GetType("FluxGen.Analysis.SchemaValueAnalyzer", throwOnError: true)!;
        return (DiagnosticAnalyzer)Activator.CreateInstance(type)!;
    });

    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(() =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) is "netstandard.dll" or "mscorlib.dll")
            .Append(typeof(Flux11ProRequest).Assembly.Location)
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToImmutableArray());

    /// <summary>For each case, whether the analyzer reports it.</summary>
    public static async Task<bool[]> FlaggedAsync(IReadOnlyList<DifferentialCase> cases)
    {
        var source = new StringBuilder(Header);
        foreach (var c in cases)
        {
            source.Append("        _ = ").Append(c.ToCSharp()).Append(";\n");
        }

        source.Append("    }\n}\n");
        var compilation = CSharpCompilation.Create(
            "DifferentialCases",
            [CSharpSyntaxTree.ParseText(source.ToString(), new CSharpParseOptions(LanguageVersion.CSharp12), path: "DifferentialCases.cs")],
            References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Take(10).ToList();
        if (errors.Count > 0)
        {
            throw new InvalidOperationException("The generated cases do not compile:\n" + string.Join('\n', errors));
        }

        var diagnostics = await compilation.WithAnalyzers([Analyzer.Value]).GetAnalyzerDiagnosticsAsync();
        var flagged = new bool[cases.Count];
        foreach (var diagnostic in diagnostics)
        {
            var index = diagnostic.Location.GetLineSpan().StartLinePosition.Line - FirstLine;
            if (!diagnostic.Id.StartsWith("FLUX", StringComparison.Ordinal) || index < 0 || index >= cases.Count)
            {
                throw new InvalidOperationException("A diagnostic outside the cases: " + diagnostic);
            }

            flagged[index] = true;
        }

        return flagged;
    }
}
