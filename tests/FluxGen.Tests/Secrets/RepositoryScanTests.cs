using System.Collections.Immutable;
using FluxGen.Analysis.Secrets;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit.Abstractions;

namespace FluxGen.Tests.Secrets;

/// <summary>FLUX051's false positives on this repository's own sources and tests: the goal, and the result, is 0.</summary>
public class RepositoryScanTests(ITestOutputHelper output)
{
    [Fact]
    public async Task No_source_or_test_file_of_this_repository_trips_the_key_rule()
    {
        var root = FindRepositoryRoot();
        var files = new[] { "src", "tests" }
            .SelectMany(folder => Directory.EnumerateFiles(Path.Combine(root, folder), "*.cs", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToList();
        var options = new CSharpParseOptions(LanguageVersion.Preview);
        var trees = files.Select(f => CSharpSyntaxTree.ParseText(File.ReadAllText(f), options, path: f)).ToList();
        var strings = trees.Sum(t => t.GetRoot().DescendantTokens().Count(IsString));
        var withPrefix = trees.Sum(t => t.GetRoot().DescendantTokens().Count(k => IsString(k) && k.ValueText.Contains("afk_", StringComparison.Ordinal)));

        // Syntax only: the rule needs no references, so the files need not compile together.
        var compilation = CSharpCompilation.Create("Repository", trees);
        var diagnostics = await compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new ApiKeyLiteralAnalyzer())).GetAnalyzerDiagnosticsAsync();

        output.WriteLine($"FLUX051 over {files.Count} files, {strings} string tokens ({withPrefix} containing afk_): {diagnostics.Length} false positive(s).");
        foreach (var diagnostic in diagnostics)
        {
            output.WriteLine(diagnostic.ToString());
        }

        Assert.True(files.Count > 100, $"only {files.Count} files found under {root}");
        Assert.True(withPrefix >= 20, $"only {withPrefix} strings mention afk_; the scan is not looking at the test keys");
        Assert.Empty(diagnostics);
    }

    private static bool IsString(SyntaxToken token) => token.Kind() is SyntaxKind.StringLiteralToken or SyntaxKind.Utf8StringLiteralToken
        or SyntaxKind.SingleLineRawStringLiteralToken or SyntaxKind.MultiLineRawStringLiteralToken or SyntaxKind.InterpolatedStringTextToken
        or SyntaxKind.Utf8SingleLineRawStringLiteralToken or SyntaxKind.Utf8MultiLineRawStringLiteralToken;

    private static string FindRepositoryRoot()
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
