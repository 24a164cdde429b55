using FluxGen.Analysis;
using Microsoft.CodeAnalysis;
using Xunit;

namespace FluxGen.Tests.Analysis;

/// <summary>The rules as users meet them: IDs, severities, help links, release tracking, editorconfig control.</summary>
public class DescriptorTests
{
    [Fact]
    public void Every_rule_is_an_error_with_a_help_link_to_its_own_readme_section()
    {
        var rules = new SchemaValueAnalyzer().SupportedDiagnostics;

        // FLUX009 is the one warning: a value only some paths give ("may"), never a certain rejection.
        Assert.Equal(["FLUX001", "FLUX002", "FLUX003", "FLUX004", "FLUX005", "FLUX006", "FLUX007", "FLUX008", "FLUX020", "FLUX021", "FLUX040", "FLUX041", "FLUX042", "FLUX009"], rules.Select(r => r.Id));
        Assert.All(rules, rule =>
        {
            Assert.Equal(rule.Id == "FLUX009" ? DiagnosticSeverity.Warning : DiagnosticSeverity.Error, rule.DefaultSeverity);
            Assert.True(rule.IsEnabledByDefault);
            Assert.Equal(Descriptors.HelpLinkBase + rule.Id.ToLowerInvariant(), rule.HelpLinkUri);
        });
    }

    [Fact]
    public void Every_rule_has_a_release_tracking_row_and_a_readme_section()
    {
        var root = FindRepositoryRoot();
        var unshipped = File.ReadAllText(Path.Combine(root, "src", "FluxGen", "AnalyzerReleases.Unshipped.md"));
        var readme = File.ReadAllText(Path.Combine(root, "README.md"));

        foreach (var rule in new SchemaValueAnalyzer().SupportedDiagnostics)
        {
            Assert.Contains($"{rule.Id} | {rule.Category} | {rule.DefaultSeverity} |", unshipped);
            Assert.Contains($"#### {rule.Id}\n", readme);
        }
    }

    [Fact]
    public void Every_schema_diagnostic_has_a_release_tracking_row_a_help_link_and_a_readme_anchor()
    {
        var root = FindRepositoryRoot();
        var unshipped = File.ReadAllText(Path.Combine(root, "src", "FluxGen", "AnalyzerReleases.Unshipped.md"));
        var readme = File.ReadAllText(Path.Combine(root, "README.md"));

        for (var i = 1; i <= 16; i++)
        {
            var rule = Descriptors.SchemaDescriptorById($"FLUXGEN{i:000}");
            Assert.Contains($"{rule.Id} | {rule.Category} | {rule.DefaultSeverity} |", unshipped);
            Assert.Equal(Descriptors.HelpLinkBase + rule.Id.ToLowerInvariant(), rule.HelpLinkUri);
            Assert.Contains($"<a id=\"{rule.Id.ToLowerInvariant()}\"></a>{rule.Id}", readme);
        }

        Assert.Throws<ArgumentOutOfRangeException>(() => Descriptors.SchemaDescriptorById("FLUXGEN017"));
    }

    [Fact]
    public Task Severity_is_configurable_through_editorconfig() =>
        AnalyzerVerifier.VerifyAsync(
            UserCode.InMethod("_ = new Flux11ProParams { OutputQuality = {|#0:101|}, ImagePromptStrength = 0.33 };"),
            """
            root = true

            [*.cs]
            dotnet_diagnostic.FLUX002.severity = warning
            dotnet_diagnostic.FLUX003.severity = none
            """,
            AnalyzerVerifier.Diagnostic(Descriptors.AboveMaximum).WithLocation(0).WithSeverity(DiagnosticSeverity.Warning)
                .WithArguments("fluxParams.output_quality", "101", "at least 0 and at most 100"));

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "FluxGen.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("FluxGen.sln not found above the test output.");
    }
}
