using FluxGen.Tests.Generator;
using FluxGen.Tests.Infrastructure;

namespace FluxGen.Tests.OpenApi;

/// <summary>The generated sources of a few document models of each family (image, video, music, edit, upscale,
/// background removal), compared in full with OpenApi/Expected. FLUXGEN_UPDATE_GOLDEN=1 rewrites them.</summary>
public class OpenApiGoldenTests
{
    public static TheoryData<string, string> Models => new()
    {
        { "midjourney", "Midjourney" },
        { "dall-e-3", "DallE3" },
        { "kling-3.0-omni", "Kling30Omni" },
        { "suno", "Suno" },
        { "flux-fill-pro", "FluxFillPro" },
        { "topaz-image-upscale", "TopazImageUpscale" },
        { "851-bg-remove", "Model851BgRemove" },
    };

    [Theory]
    [MemberData(nameof(Models))]
    public void DocumentModelSourcesMatchTheGoldenFiles(string model, string prefix)
    {
        var outcome = OpenApiModelTests.RunDocument(options: new Dictionary<string, string> { ["build_property.FluxGenModels"] = model }, withFluxSchema: false);
        Assert.Empty(outcome.GeneratorDiagnostics);
        var files = outcome.Sources.Where(s => s.HintName.StartsWith(prefix + ".", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(files);
        var folder = Path.Combine(GoldenTests.RepoRoot(), "tests", "FluxGen.Tests", "OpenApi", "Expected");
        if (Environment.GetEnvironmentVariable("FLUXGEN_UPDATE_GOLDEN") == "1")
        {
            Directory.CreateDirectory(folder);
            foreach (var stale in Directory.GetFiles(folder, prefix + ".*"))
            {
                File.Delete(stale);
            }

            foreach (var file in files)
            {
                File.WriteAllText(Path.Combine(folder, file.HintName), file.SourceText.ToString());
            }
        }

        var expected = Directory.GetFiles(folder, prefix + ".*").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(expected, files.Select(f => f.HintName).Order(StringComparer.Ordinal));
        foreach (var file in files)
        {
            Assert.Equal(File.ReadAllText(Path.Combine(folder, file.HintName)), file.SourceText.ToString());
        }
    }
}
