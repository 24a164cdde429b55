using System.Text.Json;
using FluxGen.Emulator.Images;

namespace FluxGen.Emulator.Media;

/// <summary>What file a job of each modality produces: images as today, an MP4 for a video, a WAV for music.</summary>
internal static class MediaSpec
{
    /// <summary>Longest clip the emulator writes, so a 10-minute song request still completes in kilobytes.</summary>
    public const int MaxSeconds = 30;

    public static ImageSpec ForModality(ImageSpec image, string? modality, JsonElement body, string? paramsKey) => modality switch
    {
        // Width and height keep the requested aspect ratio (the MP4 header carries them); Quality holds the seconds.
        "video" => image with { Format = "mp4", Count = 1, Quality = Seconds(body, paramsKey, 5) },
        "music" => image with { Format = "wav", Count = 1, Quality = Seconds(body, paramsKey, 10) },
        _ => image,
    };

    public static string ResultKey(ImageSpec spec) => spec.Format switch
    {
        "mp4" => "videos",
        "wav" => "audio",
        _ => "images",
    };

    private static int Seconds(JsonElement body, string? paramsKey, int fallback)
    {
        var block = paramsKey is not null && body.TryGetProperty(paramsKey, out var p) && p.ValueKind == JsonValueKind.Object ? p : body;
        return block.TryGetProperty("duration", out var d) && d.ValueKind == JsonValueKind.Number && d.TryGetDouble(out var seconds)
            ? (int)Math.Clamp(Math.Ceiling(seconds), 1, MaxSeconds)
            : fallback;
    }
}
