using FluxGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace FluxGen.Tests.Generator;

/// <summary>A project on C# older than the generated code's (a netstandard2.0 library gets C# 7.3 unless it sets
/// LangVersion) is told so in one FLUXGEN023 error, and gets nothing that would fail by the hundred.</summary>
public class LanguageVersionTests
{
    private const string UserCode = "namespace Consumer { public static class Plain { public static int Twice(int x) { return x * 2; } } }";

    [Fact]
    public void TheNetStandardDefaultOfCSharp73IsOneErrorNamingTheSetting()
    {
        var outcome = GeneratorHarness.RunFlux(new[] { UserCode }, ReferenceSets.NetStandard20, LanguageVersion.CSharp7_3);

        var error = Assert.Single(outcome.GeneratorDiagnostics);
        Assert.Equal(("FLUXGEN023", DiagnosticSeverity.Error), (error.Id, error.Severity));
        var message = error.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains("compiles C# 7.3", message, StringComparison.Ordinal);
        Assert.Contains("needs C# 12.0 or later: set <LangVersion>latest</LangVersion>", message, StringComparison.Ordinal);
        Assert.Empty(outcome.Sources);

        // The harness turns nullable on, which C# 7.3 itself refuses (CS8630); nothing else is reported.
        Assert.All(outcome.CompileDiagnostics, d => Assert.Equal("CS8630", d.Id));
    }

    [Fact]
    public void AMissingPackageAndAnOldLanguageAreEachSaid()
    {
        var outcome = GeneratorHarness.RunFlux(new[] { UserCode }, ReferenceSets.NetStandard20Without("System.Text.Json"), LanguageVersion.CSharp9);

        Assert.Equal(new[] { "FLUXGEN022", "FLUXGEN023" }, outcome.GeneratorDiagnostics.Select(d => d.Id).OrderBy(id => id, StringComparer.Ordinal));
        Assert.Empty(outcome.Sources);
    }

    [Fact]
    public void CSharp11OnNet8IsToldToo()
    {
        var outcome = GeneratorHarness.RunFlux(new[] { UserCode }, ReferenceSets.Net80, LanguageVersion.CSharp11);

        Assert.Equal("FLUXGEN023", Assert.Single(outcome.GeneratorDiagnostics).Id);
        Assert.Empty(outcome.Sources);
    }

    [Fact]
    public void CSharp12IsEnoughBelowNet8()
    {
        var outcome = GeneratorHarness.RunFlux(new[] { UserCode }, ReferenceSets.NetStandard20, LanguageVersion.CSharp12);

        Assert.Empty(outcome.GeneratorDiagnostics);
        Assert.Contains(outcome.Sources, s => s.HintName == "Flux11Pro.Request.g.cs");
        Assert.Empty(outcome.CompileDiagnostics);
    }
}
