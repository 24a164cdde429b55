using FluxGen.LightUp;
using FluxGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace FluxGen.Tests.Generator;

/// <summary>
/// Light-up sources (Support/LightUp/&lt;Feature&gt;/) come only with the assemblies they use: a plain console app
/// gets none and compiles without a warning; a web app gets all of them, and they compile without a warning too.
/// </summary>
public class LightUpTests
{
    private const string PlainApp = """
        using Apiframe;

        public static class Program
        {
            public static async System.Threading.Tasks.Task Main()
            {
                using var client = new ApiframeClient(new ApiframeClientOptions { ApiKey = "k", WebhookUrl = new System.Uri("https://example.com/h") });
                await client.GenerateAsync(new Flux11ProRequest("a plain console app"));
            }
        }
        """;

    private const string WebApp = """
        using Apiframe;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Routing;
        using Microsoft.Extensions.DependencyInjection;
        using Microsoft.Extensions.Logging;

        public static class Startup
        {
            public static IHttpClientBuilder Register(IServiceCollection services) =>
                services.AddApiframeClient(o => o.WebhookUrl = new System.Uri("https://example.com/hooks/apiframe"));

            public static IEndpointConventionBuilder Map(IEndpointRouteBuilder endpoints) => endpoints.MapApiframeWebhooks("/hooks/apiframe");

            public static ApiframeClient Make(ILogger<ApiframeClient> logger) => new(new ApiframeClientOptions { ApiKey = "k" }, logger);
        }
        """;

    internal const string AiApp = """
        // The consumer's own use of the experimental MEAI abstraction is the consumer's to acknowledge.
        #pragma warning disable MEAI001
        using Apiframe;
        using Microsoft.Extensions.AI;

        public static class Images
        {
            public static IImageGenerator Make(ApiframeClient client) => client.AsIImageGenerator();

            public static ImageGenerationOptions Options() => new() { ModelId = "imagen-4", Count = 1, ImageSize = new System.Drawing.Size(1024, 768) };
        }
        """;

    [Fact]
    public void A_console_app_without_the_libraries_gets_no_light_up_and_compiles_without_a_warning()
    {
        var outcome = GeneratorHarness.RunFlux(new[] { PlainApp }, ReferenceSets.Net80, LanguageVersion.CSharp12);

        Assert.Empty(outcome.GeneratorDiagnostics);
        Assert.Empty(outcome.CompileDiagnostics);
        Assert.DoesNotContain(outcome.Sources, s => s.HintName.StartsWith("FluxGen.LightUp.", StringComparison.Ordinal));
        Assert.Contains(outcome.Sources, s => s.HintName.StartsWith("FluxGen.Client.", StringComparison.Ordinal));
    }

    [Fact]
    public void A_web_app_gets_every_feature_and_it_compiles_without_a_warning_as_a_net8_CSharp12_consumer()
    {
        var outcome = GeneratorHarness.RunFlux(new[] { WebApp }, ReferenceSets.Net80.AddRange(AspNetCoreReferences.All), LanguageVersion.CSharp12);

        Assert.Empty(outcome.GeneratorDiagnostics);
        Assert.Empty(outcome.CompileDiagnostics);
        var features = outcome.Sources.Select(s => s.HintName).Where(h => h.StartsWith("FluxGen.LightUp.", StringComparison.Ordinal)).Select(h => h.Split('.')[2]).Distinct().Order();
        Assert.Equal(["AspNetCore", "DependencyInjection", "Logging"], features);
    }

    [Fact]
    public void Microsoft_Extensions_Http_Resilience_brings_the_resilience_rules_and_they_compile_without_a_warning()
    {
        const string ResilientApp = """
            using Microsoft.Extensions.DependencyInjection;
            using Microsoft.Extensions.Http.Resilience;

            public static class Startup
            {
                public static IHttpStandardResiliencePipelineBuilder Standard(IServiceCollection services) =>
                    services.AddApiframeClient().AddStandardResilienceHandler();

                public static IHttpStandardResiliencePipelineBuilder Apiframe(IServiceCollection services) =>
                    services.AddHttpClient("mine").AddApiframeResilience();
            }
            """;

        var outcome = GeneratorHarness.RunFlux(new[] { ResilientApp }, ReferenceSets.Net80.AddRange(AspNetCoreReferences.All).AddRange(ResilienceReferences.All), LanguageVersion.CSharp12);

        Assert.Empty(outcome.GeneratorDiagnostics);
        Assert.Empty(outcome.CompileDiagnostics);
        var features = outcome.Sources.Select(s => s.HintName).Where(h => h.StartsWith("FluxGen.LightUp.", StringComparison.Ordinal)).Select(h => h.Split('.')[2]).Distinct().Order();
        Assert.Equal(["AspNetCore", "DependencyInjection", "Logging", "Resilience"], features);
    }

    [Fact]
    public void Logging_alone_brings_only_the_logging_hooks()
    {
        var outcome = GeneratorHarness.RunFlux(
            new[] { PlainApp },
            ReferenceSets.Net80.AddRange(AspNetCoreReferences.Only("Microsoft.Extensions.Logging.Abstractions", "Microsoft.Extensions.DependencyInjection.Abstractions")),
            LanguageVersion.CSharp12);

        Assert.Empty(outcome.CompileDiagnostics);
        var lightUp = outcome.Sources.Where(s => s.HintName.StartsWith("FluxGen.LightUp.", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(lightUp);
        Assert.All(lightUp, s => Assert.StartsWith("FluxGen.LightUp.Logging.", s.HintName));
    }

    [Fact]
    public void The_light_up_step_is_tracked_and_cached_across_an_unrelated_edit()
    {
        var references = ReferenceSets.Net80.AddRange(AspNetCoreReferences.All);
        var first = GeneratorHarness.RunFlux(new[] { WebApp }, references, LanguageVersion.CSharp12);
        var edited = GeneratorHarness.Compilation(new[] { WebApp, "public static class Unrelated { }" }, references, LanguageVersion.CSharp12);

        var second = first.Driver.RunGenerators(edited).GetRunResult().Results.Single();

        // The features come from the reference scan, which an edit to a source file does not even rerun.
        var step = Assert.Single(second.TrackedSteps[LightUpOutput.Step]);
        Assert.All(step.Outputs, o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, o.Reason.ToString()));
        var table = Assert.Single(second.TrackedSteps[LightUpOutput.TableStep]);
        Assert.All(table.Outputs, o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, o.Reason.ToString()));
    }

    [Fact]
    public void Microsoft_Extensions_AI_brings_the_image_generator_alone_and_it_compiles_without_a_warning_as_a_net8_CSharp12_consumer()
    {
        var outcome = RunWithDocument(AiApp, AiReferences.Net80(), LanguageVersion.CSharp12);

        // The document's flux-1.1-pro branch yields to the schema file with an Info (FLUXGEN041): nothing worse.
        Assert.DoesNotContain(outcome.GeneratorDiagnostics, d => d.Severity >= DiagnosticSeverity.Warning);
        Assert.Empty(outcome.CompileDiagnostics);
        var features = outcome.Sources.Select(s => s.HintName).Where(h => h.StartsWith("FluxGen.LightUp.", StringComparison.Ordinal)).Select(h => h.Split('.')[2]).Distinct();
        Assert.Equal(["AI"], features);
    }

    [Fact]
    public void Microsoft_Extensions_AI_light_up_compiles_without_a_warning_as_a_net10_consumer()
    {
        var outcome = RunWithDocument(AiApp, AiReferences.Net100(), LanguageVersion.Latest);

        Assert.DoesNotContain(outcome.GeneratorDiagnostics, d => d.Severity >= DiagnosticSeverity.Warning);
        Assert.Empty(outcome.CompileDiagnostics);
        Assert.Contains(outcome.Sources, s => s.HintName == ImageModelTable.HintName);
    }

    [Fact]
    public void The_image_model_table_lists_every_text_to_image_model_whether_or_not_its_types_are_written()
    {
        var outcome = RunWithDocument(AiApp, AiReferences.Net100(), LanguageVersion.Latest);
        var table = outcome.Source(ImageModelTable.HintName);

        // imagen-4 is named only as a string: its types are not written, yet its request can be built.
        Assert.DoesNotContain(outcome.Sources, s => s.HintName.StartsWith("Imagen4.", StringComparison.Ordinal));
        Assert.Contains("new(\"imagen-4\", \"/v2/images/generate\", \"imagenParams\"", table);
        Assert.Contains("Count = (\"num_images\", 4),", Entry(table, "qwen-image"));

        // flux-1.1-pro comes from its schema file (five ratios), not from the document's branch (any W:H).
        var flux = Entry(table, "flux-1.1-pro");
        Assert.Contains("AspectRatios = new[] { \"1:1\", \"3:4\", \"4:3\", \"9:16\", \"16:9\" },", flux);
        Assert.DoesNotContain("FreeAspectRatio", flux);
        Assert.Contains("Width = (256, 2048),", Entry(table, "flux-2-pro"));

        // Only models posted to /v2/images/generate: no edit, upscale, video or music model.
        Assert.DoesNotContain("/v2/videos/", table);
        Assert.DoesNotContain("/v2/images/edit", table);
    }

    [Fact]
    public void The_image_model_table_names_each_models_input_image_member_as_the_document_types_it()
    {
        var outcome = RunWithDocument(AiApp, AiReferences.Net100(), LanguageVersion.Latest);
        var table = outcome.Source(ImageModelTable.HintName);

        // A list of URLs with the document's maxItems, or one URL; the first member of the list the models use.
        Assert.Contains("InputImages = (\"input_images\", true, 10),", Entry(table, "flux-2-pro"));
        Assert.Contains("InputImages = (\"image_input\", true, 14),", Entry(table, "seedream-4"));
        Assert.Contains("InputImages = (\"image_input\", true, 14),", Entry(table, "nano-banana"));
        Assert.Contains("InputImages = (\"image\", false, 1),", Entry(table, "kling-image"));
        Assert.Contains("InputImages = (\"image_url\", false, 1),", Entry(table, "qwen-image"));
        Assert.Contains("InputImages = (\"input_images\", true, null),", Entry(table, "gpt-image-2")); // no maxItems

        // flux-1.1-pro's schema file carries the document's input_images beside the page's one reference image;
        // the list comes first.
        Assert.Contains("InputImages = (\"input_images\", true, 10),", Entry(table, "flux-1.1-pro"));

        // No input image: such a model cannot edit.
        Assert.DoesNotContain("InputImages", Entry(table, "imagen-4"));
        Assert.DoesNotContain("InputImages", Entry(table, "midjourney"));
        Assert.True(table.Split("InputImages = ").Length - 1 >= 40);
    }

    [Fact]
    public void Without_Microsoft_Extensions_AI_no_build_reads_the_document_into_the_image_model_table()
    {
        var plain = RunWithDocument(PlainApp, ReferenceSets.Net100, LanguageVersion.Latest);
        var withAi = RunWithDocument(AiApp, AiReferences.Net100(), LanguageVersion.Latest);

        static int Entries(RunOutcome outcome) =>
            ((System.Collections.IEnumerable)Assert.Single(Assert.Single(outcome.RunResult.Results.Single().TrackedSteps[LightUpOutput.TableStep]).Outputs).Value).Cast<object>().Count();

        Assert.Equal(0, Entries(plain));
        Assert.True(Entries(withAi) > 20);
    }

    [Theory]
    [InlineData(9, false)]
    [InlineData(10, true)]
    [InlineData(11, true)]
    public void The_AI_light_up_needs_Microsoft_Extensions_AI_Abstractions_10_or_later(int major, bool enabled)
    {
        var features = LightUpFeatures.Enabled([new AssemblyIdentity("Microsoft.Extensions.AI.Abstractions", new Version(major, 9, 0, 0))]);

        Assert.Equal(enabled, features.Contains("AI"));
    }

    private static string Entry(string table, string model)
    {
        var start = table.IndexOf("new(\"" + model + "\"", StringComparison.Ordinal);
        Assert.True(start >= 0, model + " is not in the table");
        return table[start..table.IndexOf("\n        },", start, StringComparison.Ordinal)];
    }

    private static RunOutcome RunWithDocument(string source, System.Collections.Immutable.ImmutableArray<MetadataReference> references, LanguageVersion version) =>
        GeneratorHarness.Run(
            [("/schema/flux-1.1-pro.json", GeneratorHarness.FluxSchema), ("/schema/apiframe/openapi.json", GeneratorHarness.OpenApi)],
            [source],
            references,
            version);
}
