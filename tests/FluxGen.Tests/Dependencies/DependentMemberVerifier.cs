using FluxGen.Analysis.Dependencies;
using FluxGen.CodeFixes;
using FluxGen.Tests.Analysis;
using FluxGen.Tests.Shared;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;

namespace FluxGen.Tests.Dependencies;

/// <summary>Runs <see cref="DependentMemberAnalyzer"/> and its fix over user code plus records marked as the
/// generator marks a <c>dependentRequired</c> member, on net8.0 references, as a C# 12 consumer.</summary>
public static class DependentMemberVerifier
{
    public const string Records = """
        #nullable enable
        using Apiframe.Constraints;

        namespace Apiframe
        {
            public sealed partial record Flux11ProRequest
            {
                public Flux11ProRequest([SchemaProperty("prompt")] string prompt) { Prompt = prompt; }
                [SchemaProperty("prompt")] public string Prompt { get; init; }
                public Flux11ProParams? FluxParams { get; init; }
            }

            public sealed partial record Flux11ProParams
            {
                [SchemaProperty("fluxParams.image_prompt")][SchemaFormat("uri")] public string? ImagePrompt { get; init; }
                [SchemaProperty("fluxParams.image_prompt_strength")][SchemaDependentRequired(nameof(ImagePrompt))] public double? ImagePromptStrength { get; init; }
                [SchemaProperty("fluxParams.seed")] public long? Seed { get; init; }
            }
        }
        """;

    public static DiagnosticResult Flux050(int location) =>
        new DiagnosticResult(Descriptors.DependentMemberMissing).WithLocation(location)
            .WithArguments("fluxParams.image_prompt_strength", "fluxParams.image_prompt");

    public static string InMethod(string statements) => $$"""
        using Apiframe;

        class Consumer
        {
            object M(Flux11ProParams p, string url)
            {
                {{statements}}
                return p;
            }
        }
        """;

    public static Task VerifyAsync(string source, params DiagnosticResult[] expected)
    {
        var test = new Test { TestCode = source };
        AddRecords(test.TestState);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    public static Task VerifyFixAsync(string source, DiagnosticResult[] expected, string fixedSource)
    {
        var test = new FixTest { TestCode = source, FixedCode = fixedSource };
        AddRecords(test.TestState);
        AddRecords(test.FixedState);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    private static void AddRecords(SolutionState state)
    {
        foreach (var (name, source) in Fixtures.ConstraintSources)
        {
            state.Sources.Add(("/Fixtures/" + name, source));
        }

        state.Sources.Add(("/Fixtures/Records.cs", Records));
        state.AdditionalReferences.AddRange(Net80References.All);
    }

    private sealed class Test : CSharpAnalyzerTest<DependentMemberAnalyzer, DefaultVerifier>
    {
        public Test() => ReferenceAssemblies = Net80References.Empty;

        protected override ParseOptions CreateParseOptions() => ((CSharpParseOptions)base.CreateParseOptions()).WithLanguageVersion(LanguageVersion.CSharp12);
    }

    private sealed class FixTest : CSharpCodeFixTest<DependentMemberAnalyzer, DependentMemberCodeFixProvider, DefaultVerifier>
    {
        public FixTest() => ReferenceAssemblies = Net80References.Empty;

        protected override ParseOptions CreateParseOptions() => ((CSharpParseOptions)base.CreateParseOptions()).WithLanguageVersion(LanguageVersion.CSharp12);
    }
}
