using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FluxGen.Tests.Analysis;

/// <summary>Every descriptor in the assembly, however it is declared, has a release-tracking row, a README section
/// its help link points at, and an ID from the FLUX/FLUXGEN families.</summary>
public class AllDescriptorsTests
{
    [Fact]
    public void Every_descriptor_is_tracked_documented_and_linked()
    {
        var root = FindRepositoryRoot();
        var unshipped = File.ReadAllText(Path.Combine(root, "src", "FluxGen", "AnalyzerReleases.Unshipped.md"));
        var readme = File.ReadAllText(Path.Combine(root, "README.md"));
        var descriptors = typeof(Descriptors).GetFields(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic)
            .Where(f => f.FieldType == typeof(DiagnosticDescriptor)).Select(f => (DiagnosticDescriptor)f.GetValue(null)!)
            .Concat(typeof(Descriptors).Assembly.GetTypes().Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t))
                .SelectMany(t => ((DiagnosticAnalyzer)Activator.CreateInstance(t)!).SupportedDiagnostics))
            .GroupBy(d => d.Id).Select(g => g.First()).ToList();

        Assert.Contains(descriptors, d => d.Id == "FLUX050");
        Assert.Contains(descriptors, d => d.Id == "FLUX051");
        Assert.All(descriptors, d =>
        {
            Assert.Matches("^FLUX(GEN)?[0-9]{3}$", d.Id);
            Assert.Contains($"{d.Id} | {d.Category} | {d.DefaultSeverity} |", unshipped);
            Assert.Equal(Descriptors.HelpLinkBase + d.Id.ToLowerInvariant(), d.HelpLinkUri);
            Assert.True(readme.Contains($"#### {d.Id}\n", StringComparison.Ordinal) || readme.Contains($"<a id=\"{d.Id.ToLowerInvariant()}\"></a>", StringComparison.Ordinal),
                $"README.md has no section for {d.Id}");
        });
    }

    internal static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "FluxGen.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("FluxGen.sln not found above " + AppContext.BaseDirectory);
    }
}
