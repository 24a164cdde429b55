using System.Text;
using System.Text.Json;
using FluxGen.Analysis.Dependencies;
using FluxGen.Tests.Analysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit.Abstractions;

namespace FluxGen.Tests.Dependencies;

/// <summary>
/// FLUX050 agrees with the suite's <c>dependentRequired</c> cases: each group becomes a class whose members carry
/// <c>[SchemaDependentRequired]</c> as the generator writes it, each object instance an initializer that sets exactly
/// the instance's members; the analyzer must flag exactly the invalid instances. Non-object instances have no
/// initializer form (the keyword ignores them) and are counted apart.
/// </summary>
public class DependentRequiredSuiteTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Analyzer_flags_exactly_the_invalid_instances()
    {
        using var suite = JsonDocument.Parse(DependentRequiredSuite.Json);
        var source = new StringBuilder("using Apiframe.Constraints;\n");
        var cases = new List<(string Description, bool Valid)>();
        var skipped = 0;
        var group = 0;
        foreach (var g in suite.RootElement.EnumerateArray())
        {
            var rules = g.GetProperty("schema").GetProperty("dependentRequired");
            var names = rules.EnumerateObject().SelectMany(r => r.Value.EnumerateArray().Select(n => n.GetString()!).Prepend(r.Name))
                .Concat(g.GetProperty("tests").EnumerateArray().Where(t => t.GetProperty("data").ValueKind == JsonValueKind.Object)
                    .SelectMany(t => t.GetProperty("data").EnumerateObject().Select(p => p.Name)))
                .Distinct().ToList();
            string Member(string name) => "P" + names.IndexOf(name);

            source.Append("public sealed class G").Append(group).Append("\n{\n");
            foreach (var name in names)
            {
                var needs = rules.TryGetProperty(name, out var list) ? list.EnumerateArray().Select(n => $"\"{Member(n.GetString()!)}\"").ToList() : [];
                var dependency = needs.Count > 0 ? $"[SchemaDependentRequired({string.Join(", ", needs)})]" : string.Empty;
                source.Append($"    [SchemaProperty({SymbolDisplay.FormatLiteral(name, quote: true)})]{dependency} public int? {Member(name)} {{ get; init; }}\n");
            }

            source.Append("    public static void Cases()\n    {\n");
            foreach (var test in g.GetProperty("tests").EnumerateArray())
            {
                var data = test.GetProperty("data");
                if (data.ValueKind != JsonValueKind.Object)
                {
                    skipped++;
                    continue;
                }

                var assignments = data.EnumerateObject().Select(p => $"{Member(p.Name)} = {p.Value.GetRawText()}");
                source.Append($"        _ = new G{group} {{ {string.Join(", ", assignments)} }}; // case {cases.Count}\n");
                cases.Add((g.GetProperty("description").GetString() + " / " + test.GetProperty("description").GetString(), test.GetProperty("valid").GetBoolean()));
            }

            source.Append("    }\n}\n");
            group++;
        }

        var compilation = CompilationRunner.Compile("Suite", Fixtures.ConstraintSources.Select(s => s.Source).Append(source.ToString()));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var diagnostics = await compilation.WithAnalyzers([new DependentMemberAnalyzer()]).GetAnalyzerDiagnosticsAsync();

        var flagged = diagnostics.Select(d => CaseOf(d)).ToHashSet();
        var disagreements = cases.Select((c, i) => (c, i)).Where(x => flagged.Contains(x.i) == x.c.Valid).Select(x => x.c.Description).ToList();
        output.WriteLine($"{cases.Count} object instances ran ({cases.Count(c => !c.Valid)} invalid); {skipped} non-object instances have no initializer form.");
        Assert.Empty(disagreements);
        Assert.Equal(cases.Count(c => !c.Valid), diagnostics.Length);
        Assert.Equal(16, cases.Count);
    }

    private static int CaseOf(Diagnostic diagnostic)
    {
        var line = diagnostic.Location.SourceTree!.GetText().Lines.GetLineFromPosition(diagnostic.Location.SourceSpan.Start).ToString();
        return int.Parse(line[(line.LastIndexOf("case ", StringComparison.Ordinal) + 5)..], System.Globalization.CultureInfo.InvariantCulture);
    }
}
