namespace FluxGen.Tests.Analysis;

/// <summary>Hand-written stand-ins for generated code: the real constraint attribute sources (embedded in the
/// FluxGen assembly) and records shaped like the generator's output for flux-1.1-pro, plus a few members that
/// exercise constraints flux-1.1-pro does not use.</summary>
public static class Fixtures
{
    // The intended logical name is FluxGen.Support.Constraints.<File>.cs; %(RecursiveDir) currently leaves a
    // path separator after "Constraints", so every separator is accepted.
    private const string ConstraintResourcePrefix = "FluxGen.Support.Constraints";

    /// <summary>(file name, source) of every constraint attribute.</summary>
    public static IReadOnlyList<(string Name, string Source)> ConstraintSources { get; } = LoadConstraintSources();

    public const string Records = """
        #nullable enable
        using System.Collections.Generic;
        using Apiframe.Constraints;

        namespace Apiframe
        {
            public sealed partial record Flux11ProRequest
            {
                public Flux11ProRequest([SchemaProperty("prompt")][SchemaLength(MinLength = 1, MaxLength = 2000)] string prompt) { Prompt = prompt; }
                [SchemaProperty("prompt")][SchemaLength(MinLength = 1, MaxLength = 2000)] public string Prompt { get; init; }
                public string Model => "flux-1.1-pro";
                [SchemaProperty("webhookUrl")][SchemaFormat("uri")] public string? WebhookUrl { get; init; }
                [SchemaProperty("webhookEvents")][SchemaItems(MinItems = 1)] public IReadOnlyList<WebhookEvent>? WebhookEvents { get; init; }
                public Flux11ProParams? FluxParams { get; init; }
            }

            public sealed partial record Flux11ProParams
            {
                [SchemaProperty("fluxParams.image_prompt")][SchemaFormat("uri")] public string? ImagePrompt { get; init; }
                [SchemaProperty("fluxParams.image_prompt_strength")][SchemaRange(Minimum = "0", Maximum = "1")][SchemaMultipleOf("0.05")] public double? ImagePromptStrength { get; init; }
                [SchemaProperty("fluxParams.output_format")][SchemaAllowedValues("jpg", "png", "webp")] public Flux11ProOutputFormat? OutputFormat { get; init; }
                [SchemaProperty("fluxParams.output_quality")][SchemaRange(Minimum = "0", Maximum = "100")][SchemaMultipleOf("1")] public int? OutputQuality { get; init; }
                [SchemaProperty("fluxParams.raw")] public bool? Raw { get; init; }
                [SchemaProperty("fluxParams.seed")][SchemaMultipleOf("1")] public long? Seed { get; init; }
                [SchemaProperty("fluxParams.aspect_ratio")][SchemaAllowedValues("1:1", "3:4", "4:3", "9:16", "16:9")] public Flux11ProAspectRatio? AspectRatio { get; init; }
                [SchemaProperty("fluxParams.width")][SchemaRange(Minimum = "256", Maximum = "2048")] public int? Width { get; init; }
                [SchemaProperty("fluxParams.height")][SchemaRange(Minimum = "256", Maximum = "2048")] public int? Height { get; init; }
                [SchemaProperty("fluxParams.guidance")][SchemaRange(Minimum = "1.5", Maximum = "10")] public double? Guidance { get; init; }
                [SchemaProperty("fluxParams.steps")][SchemaRange(Minimum = "1", Maximum = "50")] public int? Steps { get; init; }
                [SchemaProperty("fluxParams.go_fast")] public bool? GoFast { get; init; }
                [SchemaProperty("fluxParams.resolution")] public string? Resolution { get; init; }
                [SchemaProperty("fluxParams.input_images")][SchemaItems(MaxItems = 10)] public IReadOnlyList<string>? InputImages { get; init; }
                [SchemaProperty("fluxParams.prompt_upsampling")] public bool? PromptUpsampling { get; init; }
            }

            public enum Flux11ProOutputFormat { Jpg, Png, Webp }
            public enum Flux11ProAspectRatio { Ratio1x1, Ratio3x4, Ratio4x3, Ratio9x16, Ratio16x9 }
            public enum WebhookEvent { Progress, Completed, Failed }

            public sealed class OtherParams
            {
                [SchemaProperty("other.ratio")][SchemaRange(ExclusiveMinimum = "0", ExclusiveMaximum = "1")] public double? Ratio { get; set; }
                [SchemaProperty("other.count")][SchemaRange(ExclusiveMinimum = "0", Maximum = "10")] public int Count { get; set; }
                [SchemaProperty("other.style")][SchemaAllowedValues("vivid", "natural")] public string? Style { get; set; }
                [SchemaProperty("other.tags")][SchemaItems(MinItems = 1, MaxItems = 3)] public string[]? Tags { get; set; }
                [SchemaProperty("other.level")][SchemaRange(Minimum = "-5", Maximum = "5")] public int Level;
            }

            public static class OtherApi
            {
                public static void SetQuality([SchemaProperty("other.quality")][SchemaRange(Minimum = "0", Maximum = "100")] int quality, string? note = null) { }
                public static void SetStrength([SchemaProperty("other.strength")][SchemaMultipleOf("0.05")] double strength) { }
                public static void Tag([SchemaProperty("other.tags")][SchemaItems(MaxItems = 2)] params string[] tags) { }
                public static void WithDefault([SchemaProperty("other.defaulted")][SchemaRange(Maximum = "10")] int value = 50) { }
            }
        }
        """;

    private static bool IsConstraintSource(string name) =>
        name.StartsWith(ConstraintResourcePrefix, StringComparison.Ordinal) && name.Length > ConstraintResourcePrefix.Length
        && name[ConstraintResourcePrefix.Length] is '.' or '/' or '\\';

    private static IReadOnlyList<(string, string)> LoadConstraintSources()
    {
        var assembly = typeof(FluxGenGenerator).Assembly;
        var sources = new List<(string, string)>();
        foreach (var name in assembly.GetManifestResourceNames().Where(IsConstraintSource).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            sources.Add((name.Substring(ConstraintResourcePrefix.Length + 1), reader.ReadToEnd()));
        }

        if (sources.Count < 7)
        {
            throw new InvalidOperationException($"Expected the seven constraint attribute sources as resources, found {sources.Count}.");
        }

        return sources;
    }
}
