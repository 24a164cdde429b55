using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace FluxGen.Benchmarks;

// Hand-written POCOs equivalent to the generated flux-1.1-pro records: the same members, wire names and rules,
// serialized by System.Text.Json's source generator and validated by DataAnnotations.

public sealed class StjFluxRequest
{
    [Required]
    [StringLength(2000, MinimumLength = 1)]
    public string Prompt { get; set; } = string.Empty;

    public string Model { get; set; } = "flux-1.1-pro";

    [Url]
    public string? WebhookUrl { get; set; }

    [MinLength(1)]
    public StjWebhookEvent[]? WebhookEvents { get; set; }

    public StjFluxParams? FluxParams { get; set; }

    public static StjFluxRequest Sample() => new()
    {
        Prompt = "a red umbrella on a rainy Tokyo street, neon reflections, 35 mm",
        WebhookUrl = "https://example.com/hooks/apiframe?source=fluxgen",
        WebhookEvents = [StjWebhookEvent.Progress, StjWebhookEvent.Completed, StjWebhookEvent.Failed],
        FluxParams = new StjFluxParams
        {
            ImagePrompt = "https://cdn.example.com/reference/umbrella.png",
            ImagePromptStrength = 0.35,
            OutputFormat = StjOutputFormat.Webp,
            OutputQuality = 90,
            Raw = false,
            Seed = 42,
            AspectRatio = StjAspectRatio.Ratio16x9,
        },
    };
}

public sealed class StjFluxParams
{
    [JsonPropertyName("image_prompt")]
    [Url]
    public string? ImagePrompt { get; set; }

    [JsonPropertyName("image_prompt_strength")]
    [Range(0.0, 1.0)]
    public double? ImagePromptStrength { get; set; }

    [JsonPropertyName("output_format")]
    [EnumDataType(typeof(StjOutputFormat))]
    public StjOutputFormat? OutputFormat { get; set; }

    [JsonPropertyName("output_quality")]
    [Range(0, 100)]
    public int? OutputQuality { get; set; }

    [JsonPropertyName("raw")]
    public bool? Raw { get; set; }

    [JsonPropertyName("seed")]
    public long? Seed { get; set; }

    [JsonPropertyName("aspect_ratio")]
    [EnumDataType(typeof(StjAspectRatio))]
    public StjAspectRatio? AspectRatio { get; set; }
}

public enum StjWebhookEvent
{
    [JsonStringEnumMemberName("progress")] Progress,
    [JsonStringEnumMemberName("completed")] Completed,
    [JsonStringEnumMemberName("failed")] Failed,
}

public enum StjOutputFormat
{
    [JsonStringEnumMemberName("jpg")] Jpg,
    [JsonStringEnumMemberName("png")] Png,
    [JsonStringEnumMemberName("webp")] Webp,
}

public enum StjAspectRatio
{
    [JsonStringEnumMemberName("1:1")] Ratio1x1,
    [JsonStringEnumMemberName("3:4")] Ratio3x4,
    [JsonStringEnumMemberName("4:3")] Ratio4x3,
    [JsonStringEnumMemberName("9:16")] Ratio9x16,
    [JsonStringEnumMemberName("16:9")] Ratio16x9,
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(StjFluxRequest))]
public sealed partial class StjContext : JsonSerializerContext
{
}
