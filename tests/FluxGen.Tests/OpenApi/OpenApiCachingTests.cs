using FluxGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace FluxGen.Tests.OpenApi;

/// <summary>One document, many models: each model is its own pipeline value, so an unrelated edit redoes nothing
/// and an edit to a schema file redoes only that file's model.</summary>
public class OpenApiCachingTests
{
    private static readonly string[] TrackedSteps =
    {
        FluxGenGenerator.Steps.Parse, FluxGenGenerator.Steps.Options, FluxGenGenerator.Steps.Claims,
        FluxGenGenerator.Steps.Model, FluxGenGenerator.Steps.Shared, FluxGenGenerator.Steps.LightForms,
    };

    [Fact]
    public void AnUnrelatedEditLeavesEveryModelOfTheDocumentCached()
    {
        var (driver, compilation, _) = FirstRun();
        var tree = compilation.SyntaxTrees.Single();
        var edited = compilation.ReplaceSyntaxTree(tree, tree.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From("public class Unrelated { public int X => 2; }")));

        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        foreach (var step in TrackedSteps)
        {
            var outputs = result.TrackedSteps[step].SelectMany(s => s.Outputs).ToList();
            Assert.NotEmpty(outputs);
            Assert.All(outputs, o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{step}: {o.Reason}"));
        }

        Assert.Equal(OpenApiModelTests.DocumentModels + OperationRecordTests.DocumentOperations + 1, result.TrackedSteps[FluxGenGenerator.Steps.Model].SelectMany(s => s.Outputs).Count());
        Assert.All(result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs),
            o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, o.Reason.ToString()));
    }

    [Fact]
    public void EditingTheSchemaFileRedoesOnlyItsModel()
    {
        var (driver, compilation, flux) = FirstRun();
        driver = driver.ReplaceAdditionalText(flux, new InMemoryText(flux.Path, flux.GetText()!.ToString().Replace("Parameters specific to Flux 1.1 Pro.", "Edited.")));

        var result = driver.RunGenerators(compilation).GetRunResult().Results.Single();

        var outputs = result.TrackedSteps[FluxGenGenerator.Steps.Model].SelectMany(s => s.Outputs).ToList();
        Assert.Equal(1, outputs.Count(o => o.Reason == IncrementalStepRunReason.Modified));
        Assert.Equal(OpenApiModelTests.DocumentModels + OperationRecordTests.DocumentOperations, outputs.Count(o => o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged));
    }

    private static (GeneratorDriver Driver, Compilation Compilation, AdditionalText Flux) FirstRun()
    {
        var flux = new InMemoryText("/schema/flux-1.1-pro.json", GeneratorHarness.FluxSchema);
        var document = new InMemoryText(OpenApiModelTests.DocumentPath, GeneratorHarness.OpenApi);
        var compilation = GeneratorHarness.Compilation(new[] { "public class Unrelated { public int X => 1; }" });
        var driver = GeneratorHarness.Driver(new AdditionalText[] { document, flux }, OpenApiModelTests.EveryModel).RunGenerators(compilation);
        return (driver, compilation, flux);
    }
}

/// <summary>A command-line build starts a new generator driver every time; the compiler server keeps the generator
/// loaded, so a document whose path and content did not change is not read again.</summary>
public class DocumentReadCacheTests
{
    [Fact]
    public void ANewDriverOverTheSameDocumentReusesTheFirstRead()
    {
        // A path of its own, so the first run below is the first read of it in this process.
        var path = $"/schema/{Guid.NewGuid():N}/openapi.json";

        var first = ParsedModels(new InMemoryText(path, GeneratorHarness.OpenApi));
        var second = ParsedModels(new InMemoryText(path, GeneratorHarness.OpenApi));

        Assert.Equal(OpenApiModelTests.DocumentModels + OperationRecordTests.DocumentOperations, first.Count);
        Assert.Equal(first.Count, second.Count);
        Assert.All(first.Zip(second), pair => Assert.Same(pair.First, pair.Second));
    }

    [Fact]
    public void AChangedDocumentIsReadAgain()
    {
        var path = $"/schema/{Guid.NewGuid():N}/openapi.json";
        var first = ParsedModels(new InMemoryText(path, GeneratorHarness.OpenApi));

        var edited = GeneratorHarness.OpenApi.Replace("\"maxLength\": 4000", "\"maxLength\": 3999", StringComparison.Ordinal);
        Assert.NotEqual(GeneratorHarness.OpenApi, edited);
        var second = ParsedModels(new InMemoryText(path, edited));

        Assert.Equal(first.Count, second.Count);
        Assert.All(first.Zip(second), pair => Assert.NotSame(pair.First, pair.Second));
        Assert.Contains(first.Zip(second), pair => !pair.First.Equals(pair.Second));
    }

    [Fact]
    public void TheSameContentAtAnotherPathIsReadForThatPath()
    {
        var first = ParsedModels(new InMemoryText($"/schema/{Guid.NewGuid():N}/openapi.json", GeneratorHarness.OpenApi));
        var otherPath = $"/schema/{Guid.NewGuid():N}/openapi.json";
        var second = ParsedModels(new InMemoryText(otherPath, GeneratorHarness.OpenApi));

        Assert.All(first.Zip(second), pair => Assert.NotSame(pair.First, pair.Second));
        Assert.All(second, value => Assert.Equal(otherPath, value.GetType().GetProperty("FilePath")!.GetValue(value)));
    }

    [Fact]
    public void AStampedDocumentReadBeforeIsNotEvenLoaded()
    {
        var path = $"/schema/{Guid.NewGuid():N}/openapi.json";
        var first = new CountingText(path, GeneratorHarness.OpenApi);
        var firstModels = ParsedModels(first, stamp: "2026-12-03 10:00:00.0000000");
        Assert.True(first.Loads > 0);

        var second = new CountingText(path, GeneratorHarness.OpenApi);
        var secondModels = ParsedModels(second, stamp: "2026-12-03 10:00:00.0000000");

        Assert.Equal(0, second.Loads);
        Assert.Equal(OpenApiModelTests.DocumentModels + OperationRecordTests.DocumentOperations, secondModels.Count);
        Assert.All(firstModels.Zip(secondModels), pair => Assert.Same(pair.First, pair.Second));
    }

    [Fact]
    public void AStampedSmallSchemaFileIsKeptToo()
    {
        // The package's own schema file is far below the size at which unstamped files are kept; its stamp keeps it.
        var path = $"/schema/{Guid.NewGuid():N}/flux-1.1-pro.json";
        Assert.True(GeneratorHarness.FluxSchema.Length < FluxGen.Schema.ReadCache.MinLength);
        var first = ParsedModels(new CountingText(path, GeneratorHarness.FluxSchema), stamp: "1");

        var second = new CountingText(path, GeneratorHarness.FluxSchema);
        var secondModels = ParsedModels(second, stamp: "1");
        Assert.Equal(0, second.Loads);
        Assert.Same(Assert.Single(first), Assert.Single(secondModels));

        // Unstamped, the same small file is loaded and read every time.
        var unstamped = new CountingText(path, GeneratorHarness.FluxSchema);
        Assert.NotSame(Assert.Single(first), Assert.Single(ParsedModels(unstamped)));
        Assert.True(unstamped.Loads > 0);
    }

    [Fact]
    public void ANewStampLoadsTheDocumentAndReadsItOnlyWhenItChanged()
    {
        var path = $"/schema/{Guid.NewGuid():N}/openapi.json";
        var original = ParsedModels(new CountingText(path, GeneratorHarness.OpenApi), stamp: "1");

        // Touched, not changed: loaded and compared, the earlier read kept, and the new stamp remembered.
        var touched = new CountingText(path, GeneratorHarness.OpenApi);
        var touchedModels = ParsedModels(touched, stamp: "2");
        Assert.True(touched.Loads > 0);
        Assert.All(original.Zip(touchedModels), pair => Assert.Same(pair.First, pair.Second));
        var again = new CountingText(path, GeneratorHarness.OpenApi);
        ParsedModels(again, stamp: "2");
        Assert.Equal(0, again.Loads);

        // Changed under a new stamp: read again.
        var edited = GeneratorHarness.OpenApi.Replace("\"maxLength\": 4000", "\"maxLength\": 3999", StringComparison.Ordinal);
        var changed = ParsedModels(new CountingText(path, edited), stamp: "3");
        Assert.Contains(original.Zip(changed), pair => !pair.First.Equals(pair.Second));
    }

    /// <summary>The Parse step's values of a fresh driver's first run, as a command-line build makes one; with a
    /// stamp, the document carries it as FluxGen.targets sets it.</summary>
    private static List<object> ParsedModels(AdditionalText document, string? stamp = null)
    {
        var compilation = GeneratorHarness.Compilation(new[] { "public class Unrelated { public int X => 1; }" });
        var metadata = stamp is null
            ? null
            : new Dictionary<string, IReadOnlyDictionary<string, string>> { [document.Path] = new Dictionary<string, string> { ["build_metadata.AdditionalFiles.FluxGenStamp"] = stamp } };
        var result = GeneratorHarness.Driver(new[] { document }, OpenApiModelTests.EveryModel, metadata: metadata).RunGenerators(compilation).GetRunResult().Results.Single();
        return result.TrackedSteps[FluxGenGenerator.Steps.Parse].SelectMany(s => s.Outputs).Select(o => o.Value).ToList();
    }

    /// <summary>An AdditionalFile that counts how often its text is asked for.</summary>
    private sealed class CountingText(string path, string text) : AdditionalText
    {
        private readonly SourceText _text = SourceText.From(text);

        public int Loads { get; private set; }

        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default)
        {
            Loads++;
            return _text;
        }
    }
}
