using FluxGen.Analysis;
using FluxGen.CodeFixes;
using FluxGen.Tests.Shared;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;

namespace FluxGen.Tests.Analysis;

/// <summary>Runs <see cref="SchemaValueAnalyzer"/> (and its code fix) over user code plus the hand-written
/// fixtures, on net8.0 references, as a C# 12 consumer.</summary>
public static class AnalyzerVerifier
{
    public static DiagnosticResult Diagnostic(DiagnosticDescriptor descriptor) => new(descriptor);

    /// <summary>Expects exactly <paramref name="expected"/> from <paramref name="source"/> (markup allowed).</summary>
    public static Task VerifyAsync(string source, params DiagnosticResult[] expected) => VerifyAsync(source, editorConfig: null, expected);

    /// <summary>As above, with an .editorconfig at the project root.</summary>
    public static Task VerifyAsync(string source, string? editorConfig, params DiagnosticResult[] expected)
    {
        var test = new AnalyzerTest { TestCode = source };
        if (editorConfig is not null)
        {
            test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", editorConfig));
        }

        AddFixtures(test.TestState);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    /// <summary>Applies the fix to each diagnostic, then Fix All in document, project and solution scope;
    /// <paramref name="remaining"/> are the diagnostics the chosen fix kind leaves behind.</summary>
    public static Task VerifyFixAsync(string source, DiagnosticResult[] expected, string fixedSource, string? equivalenceKey = null, DiagnosticResult[]? remaining = null) =>
        VerifyFixAsync([source], expected, [fixedSource], equivalenceKey, remaining);

    /// <summary>As above, over several user documents.</summary>
    public static Task VerifyFixAsync(string[] sources, DiagnosticResult[] expected, string[] fixedSources, string? equivalenceKey = null, DiagnosticResult[]? remaining = null)
    {
        var test = new FixTest { CodeActionEquivalenceKey = equivalenceKey };
        for (var i = 0; i < sources.Length; i++)
        {
            test.TestState.Sources.Add(($"/0/Test{i}.cs", sources[i]));
            test.FixedState.Sources.Add(($"/0/Test{i}.cs", fixedSources[i]));
        }

        AddFixtures(test.TestState);
        AddFixtures(test.FixedState);
        test.ExpectedDiagnostics.AddRange(expected);
        if (remaining is not null)
        {
            test.FixedState.ExpectedDiagnostics.AddRange(remaining);
            test.FixedState.MarkupHandling = MarkupMode.Allow;
        }

        return test.RunAsync();
    }

    private static void AddFixtures(SolutionState state)
    {
        foreach (var (name, source) in Fixtures.ConstraintSources)
        {
            state.Sources.Add(("/Fixtures/" + name, source));
        }

        state.Sources.Add(("/Fixtures/Records.cs", Fixtures.Records));
        state.AdditionalReferences.AddRange(Net80References.All);
    }

    private sealed class AnalyzerTest : CSharpAnalyzerTest<SchemaValueAnalyzer, DefaultVerifier>
    {
        public AnalyzerTest()
        {
            ReferenceAssemblies = Net80References.Empty;
        }

        protected override ParseOptions CreateParseOptions() => ((CSharpParseOptions)base.CreateParseOptions()).WithLanguageVersion(LanguageVersion.CSharp12);
    }

    private sealed class FixTest : CSharpCodeFixTest<SchemaValueAnalyzer, SchemaValueCodeFixProvider, DefaultVerifier>
    {
        public FixTest()
        {
            ReferenceAssemblies = Net80References.Empty;
        }

        protected override ParseOptions CreateParseOptions() => ((CSharpParseOptions)base.CreateParseOptions()).WithLanguageVersion(LanguageVersion.CSharp12);
    }
}
