using System.Collections.Immutable;
using FluxGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace FluxGen.Tests.Generator;

/// <summary>Below net8.0 each dependency the generated code needs and the project lacks is one FLUXGEN022 error
/// naming what to add, and nothing is written, so the build shows those lines and not the errors of code that
/// cannot compile.</summary>
public class TargetPackageTests
{
    // Names nothing generated: the project's own code must build as before, with FLUXGEN022 as the only error.
    private const string UserCode = """
        namespace Consumer
        {
            public static class Plain
            {
                public static string Describe(int count) => count == 1 ? "one image" : count + " images";
            }
        }
        """;

    [Fact]
    public void NetStandardWithoutSystemTextJsonAsksForIt() =>
        AssertOnlyMissing(ReferenceSets.NetStandard20Without("System.Text.Json"), "netstandard2.0", "System.Text.Json 8.0.5 or later", "<PackageReference Include=\"System.Text.Json\" Version=\"8.0.5\" />");

    [Fact]
    public void NetStandardWithoutAsyncInterfacesAsksForIt() =>
        AssertOnlyMissing(ReferenceSets.NetStandard20Without("Microsoft.Bcl.AsyncInterfaces"), "netstandard2.0", "Microsoft.Bcl.AsyncInterfaces 8.0.0 or later", "<PackageReference Include=\"Microsoft.Bcl.AsyncInterfaces\" Version=\"8.0.0\" />");

    [Fact]
    public void NetStandardWithoutDiagnosticSourceAsksForIt() =>
        AssertOnlyMissing(ReferenceSets.NetStandard20Without("System.Diagnostics.DiagnosticSource"), "netstandard2.0", "System.Diagnostics.DiagnosticSource 8.0.1 or later", "<PackageReference Include=\"System.Diagnostics.DiagnosticSource\" Version=\"8.0.1\" />");

    [Fact]
    public void NetStandardWithoutTimeProviderAsksForIt() =>
        AssertOnlyMissing(ReferenceSets.NetStandard20Without("Microsoft.Bcl.TimeProvider"), "netstandard2.0", "Microsoft.Bcl.TimeProvider 8.0.1 or later", "<PackageReference Include=\"Microsoft.Bcl.TimeProvider\" Version=\"8.0.1\" />");

    [Fact]
    public void NetFrameworkWithoutSystemNetHttpAsksForTheReference() =>
        AssertOnlyMissing(ReferenceSets.Net48Without("System.Net.Http"), ".NET Framework", "System.Net.Http", "<Reference Include=\"System.Net.Http\" />");

    [Fact]
    public void NetFrameworkWithoutTimeProviderAsksForIt() =>
        AssertOnlyMissing(ReferenceSets.Net48Without("Microsoft.Bcl.TimeProvider"), ".NET Framework", "Microsoft.Bcl.TimeProvider 8.0.1 or later", "<PackageReference Include=\"Microsoft.Bcl.TimeProvider\" Version=\"8.0.1\" />");

    [Fact]
    public void AnOlderSystemTextJsonCountsAsMissing()
    {
        // Version 7 has Utf8JsonWriter too: only the assembly's version tells it apart.
        AssertOnlyMissing(ReferenceSets.NetStandard20WithSystemTextJson(ReferenceSets.OldSystemTextJsonVersion), "netstandard2.0", "System.Text.Json 8.0.5 or later", "<PackageReference Include=\"System.Text.Json\" Version=\"8.0.5\" />");
    }

    [Fact]
    public void EachMissingPackageIsItsOwnError()
    {
        var references = ReferenceSets.NetStandard20Without("Microsoft.Bcl.TimeProvider")
            .RemoveRange(ReferenceSets.NetStandard20.Except(ReferenceSets.NetStandard20Without("System.Diagnostics.DiagnosticSource")));

        var outcome = GeneratorHarness.RunFlux(new[] { UserCode }, references);

        var errors = outcome.GeneratorDiagnostics.Where(d => d.Id == "FLUXGEN022").Select(d => d.GetMessage()).ToList();
        Assert.Equal(2, errors.Count);
        // In the order of RequiredPackages, so the list a build shows does not shuffle between builds.
        Assert.Contains("System.Diagnostics.DiagnosticSource", errors[0], StringComparison.Ordinal);
        Assert.Contains("Microsoft.Bcl.TimeProvider", errors[1], StringComparison.Ordinal);
        Assert.Empty(outcome.Sources);
    }

    [Theory]
    [MemberData(nameof(DownLevelCompileTests.Targets), MemberType = typeof(DownLevelCompileTests))]
    public void WithEverythingThereNothingIsAskedForAndTheCodeIsWritten(string target)
    {
        var outcome = GeneratorHarness.RunFlux(new[] { UserCode }, DownLevelCompileTests.References(target));

        Assert.DoesNotContain(outcome.GeneratorDiagnostics, d => d.Id == "FLUXGEN022");
        Assert.Contains(outcome.Sources, s => s.HintName == "Flux11Pro.Request.g.cs");
        Assert.Contains(outcome.Sources, s => s.HintName == "FluxGen.Client.ApiframeClient.g.cs");
    }

    private static void AssertOnlyMissing(ImmutableArray<MetadataReference> references, string target, string needs, string projectItem)
    {
        var outcome = GeneratorHarness.RunFlux(new[] { UserCode }, references);

        var error = Assert.Single(outcome.GeneratorDiagnostics);
        Assert.Equal(("FLUXGEN022", DiagnosticSeverity.Error), (error.Id, error.Severity));
        var message = error.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains($"for {target} needs {needs}:", message, StringComparison.Ordinal);
        Assert.Contains($"add {projectItem}", message, StringComparison.Ordinal);
        Assert.Empty(outcome.Sources);
        Assert.Empty(outcome.CompileDiagnostics);
    }
}
