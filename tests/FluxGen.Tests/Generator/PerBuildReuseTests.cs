using System.Collections.Immutable;
using FluxGen.References;
using FluxGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace FluxGen.Tests.Generator;

/// <summary>A command-line build starts a new generator driver, with new reference objects, every time; the compiler
/// server keeps the generator loaded. What did not change is not worked out again: a model's text, and what a
/// reference's metadata provides.</summary>
public class PerBuildReuseTests
{
    [Fact]
    public void A_new_driver_over_the_same_stamped_schema_reuses_the_model_text_and_another_namespace_rewrites_it()
    {
        // A path of its own, so no other test's run shares its parse result.
        var path = $"/schema/{Guid.NewGuid():N}/flux-1.1-pro.json";

        var first = Request(path, options: null);
        var second = Request(path, options: null);
        Assert.Same(first, second);

        var other = Request(path, new Dictionary<string, string> { ["build_property.FluxGenNamespace"] = "Contoso.Images" });
        Assert.Contains("namespace Contoso.Images", other, StringComparison.Ordinal);
        Assert.DoesNotContain("namespace Contoso.Images", first, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_reference_objects_over_the_same_metadata_are_scanned_once_and_other_metadata_again()
    {
        var image = MarkedImage("1.2.3");
        var metadata = AssemblyMetadata.CreateFromImage(image);
        var (first, second) = (metadata.GetReference(), metadata.GetReference());
        Assert.NotSame(first, second);

        var scanned = ReferenceScanner.Scan(first, CancellationToken.None);
        Assert.NotNull(scanned);
        Assert.Equal("1.2.3", scanned.RuntimeVersion);
        Assert.Same(scanned, ReferenceScanner.Scan(second, CancellationToken.None));

        // The same bytes loaded again are other metadata: read again, with the same answer.
        var reloaded = ReferenceScanner.Scan(MetadataReference.CreateFromImage(image), CancellationToken.None);
        Assert.NotSame(scanned, reloaded);
        Assert.Equal(scanned, reloaded);
    }

    private static string Request(string path, IReadOnlyDictionary<string, string>? options)
    {
        var compilation = GeneratorHarness.Compilation(["public class Unrelated { public int X => 1; }"]);
        var metadata = new Dictionary<string, IReadOnlyDictionary<string, string>> { [path] = new Dictionary<string, string> { ["build_metadata.AdditionalFiles.FluxGenStamp"] = "1" } };
        var result = GeneratorHarness.Driver([new InMemoryText(path, GeneratorHarness.FluxSchema)], options, metadata: metadata).RunGenerators(compilation).GetRunResult().Results.Single();
        return result.GeneratedSources.Single(s => s.HintName == "Flux11Pro.Request.g.cs").SourceText.ToString();
    }

    private static ImmutableArray<byte> MarkedImage(string version)
    {
        var source = $$"""
            [assembly: Apiframe.Generation.FluxGenRuntime("{{version}}")]
            namespace Apiframe.Generation { public sealed class FluxGenRuntimeAttribute(string version) : System.Attribute { public string Version => version; } }
            """;
        var compilation = GeneratorHarness.Compilation([source]);
        using var stream = new MemoryStream();
        Assert.True(compilation.Emit(stream).Success);
        return stream.ToArray().ToImmutableArray();
    }
}
