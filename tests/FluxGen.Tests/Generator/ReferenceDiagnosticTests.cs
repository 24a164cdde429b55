using Microsoft.CodeAnalysis;

namespace FluxGen.Tests.Generator;

/// <summary>The project-reference diagnostics as users meet them: warnings with a release row, a help link and a
/// README anchor.</summary>
public class ReferenceDiagnosticTests
{
    [Fact]
    public void Each_reference_diagnostic_is_a_warning_with_a_release_row_a_help_link_and_a_readme_anchor()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(root.FullName, "FluxGen.sln")))
        {
            root = root.Parent!;
        }

        var unshipped = File.ReadAllText(Path.Combine(root.FullName, "src", "FluxGen", "AnalyzerReleases.Unshipped.md"));
        var readme = File.ReadAllText(Path.Combine(root.FullName, "README.md"));
        foreach (var rule in new[] { Descriptors.VersionSkew, Descriptors.InvalidVisibility })
        {
            Assert.Equal(DiagnosticSeverity.Warning, rule.DefaultSeverity);
            Assert.Contains($"{rule.Id} | {rule.Category} | Warning | {rule.Title}", unshipped);
            Assert.Equal(Descriptors.HelpLinkBase + rule.Id.ToLowerInvariant(), rule.HelpLinkUri);
            Assert.Contains($"<a id=\"{rule.Id.ToLowerInvariant()}\"></a>{rule.Id}", readme);
        }

        Assert.Equal(["FLUXGEN020", "FLUXGEN021"], new[] { Descriptors.VersionSkew.Id, Descriptors.InvalidVisibility.Id });
    }
}
