using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace FluxGen.Tests.Infrastructure;

/// <summary>One project of an in-memory solution: compiled with FluxGen (net8.0, C# 12) and emitted, so the next
/// project can reference its assembly exactly as MSBuild would pass it to the compiler.</summary>
public sealed record BuiltProject(string Name, RunOutcome Outcome, MetadataReference Reference)
{
    public IReadOnlyList<string> HintNames => Outcome.Sources.Select(s => s.HintName).ToList();

    public IReadOnlyList<Diagnostic> GeneratorDiagnostics => Outcome.GeneratorDiagnostics;
}

public static class ProjectBuilder
{
    public static (string Path, string Text) Flux => ("/schema/flux-1.1-pro.json", GeneratorHarness.FluxSchema);

    /// <summary>The Flux 1.1 Pro schema under another model id, for a project's own second model.</summary>
    public static (string Path, string Text) Model(string modelId) =>
        ($"/schema/{modelId}.json", GeneratorHarness.FluxSchema
            .Replace("\"model\": \"flux-1.1-pro\"", $"\"model\": \"{modelId}\"", StringComparison.Ordinal)
            .Replace("\"const\": \"flux-1.1-pro\"", $"\"const\": \"{modelId}\"", StringComparison.Ordinal));

    public static BuiltProject Build(
        string name,
        IEnumerable<(string Path, string Text)> schemas,
        IEnumerable<string>? sources = null,
        IEnumerable<MetadataReference>? references = null,
        IReadOnlyDictionary<string, string>? options = null)
    {
        var outcome = Run(name, schemas, sources, references, options);
        Assert.Empty(outcome.CompileDiagnostics);
        using var image = new MemoryStream();
        var emit = outcome.Output.Emit(image);
        Assert.True(emit.Success, string.Join(Environment.NewLine, emit.Diagnostics));
        return new BuiltProject(name, outcome, MetadataReference.CreateFromImage(image.ToArray()));
    }

    /// <summary>Runs FluxGen on one project without requiring that it compiles.</summary>
    public static RunOutcome Run(
        string name,
        IEnumerable<(string Path, string Text)> schemas,
        IEnumerable<string>? sources = null,
        IEnumerable<MetadataReference>? references = null,
        IReadOnlyDictionary<string, string>? options = null)
    {
        var compilation = GeneratorHarness.Compilation(sources ?? [], ReferenceSets.Net80.AddRange(references ?? []), LanguageVersion.CSharp12, name);
        var driver = GeneratorHarness.Driver(schemas.Select(s => (AdditionalText)new InMemoryText(s.Path, s.Text)), options, LanguageVersion.CSharp12);
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        return new RunOutcome(driver, output, diagnostics, driver.GetRunResult());
    }
}
