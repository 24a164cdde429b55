using FluxGen.Analysis.Secrets;
using FluxGen.CodeFixes;
using FluxGen.Tests.Shared;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;

namespace FluxGen.Tests.Secrets;

/// <summary>Runs <see cref="ApiKeyLiteralAnalyzer"/> and its fix on net8.0 references as a C# 12 consumer.</summary>
/// <remarks>Every key-shaped value in these tests is put together at run time from <see cref="Body"/>, so this
/// repository's own sources never hold one (the repository scan in <see cref="RepositoryScanTests"/> proves it).</remarks>
public static class ApiKeyLiteralVerifier
{
    /// <summary>A random-looking key body, split so no literal of this file is key-shaped.</summary>
    public const string Body = "9fK2mQ7x" + "LpR4tZ8v" + "B1nC6dW3";

    public static string Key => "afk_" + Body;

    public static DiagnosticResult Flux051(int location) => new DiagnosticResult(Descriptors.ApiKeyInSource).WithLocation(location);

    public static Task VerifyAsync(string source, params DiagnosticResult[] expected)
    {
        var test = new Test { TestCode = source };
        test.TestState.AdditionalReferences.AddRange(Net80References.All);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    public static Task VerifyFixAsync(string source, DiagnosticResult[] expected, string fixedSource, DiagnosticResult[]? remaining = null)
    {
        var test = new FixTest { TestCode = source, FixedCode = fixedSource };
        test.TestState.AdditionalReferences.AddRange(Net80References.All);
        test.FixedState.AdditionalReferences.AddRange(Net80References.All);
        test.ExpectedDiagnostics.AddRange(expected);
        if (remaining is not null)
        {
            test.FixedState.ExpectedDiagnostics.AddRange(remaining);
            test.FixedState.MarkupHandling = MarkupMode.Allow;
        }

        return test.RunAsync();
    }

    private sealed class Test : CSharpAnalyzerTest<ApiKeyLiteralAnalyzer, DefaultVerifier>
    {
        public Test() => ReferenceAssemblies = Net80References.Empty;

        protected override ParseOptions CreateParseOptions() => ((CSharpParseOptions)base.CreateParseOptions()).WithLanguageVersion(LanguageVersion.CSharp12);
    }

    private sealed class FixTest : CSharpCodeFixTest<ApiKeyLiteralAnalyzer, ApiKeyLiteralCodeFixProvider, DefaultVerifier>
    {
        public FixTest() => ReferenceAssemblies = Net80References.Empty;

        protected override ParseOptions CreateParseOptions() => ((CSharpParseOptions)base.CreateParseOptions()).WithLanguageVersion(LanguageVersion.CSharp12);
    }
}
