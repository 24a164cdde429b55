using System.Globalization;
using System.Text.Json;

namespace FluxGen.Emulator.Images;

/// <summary>What a job's images look like on disk: format, quality, pixel size and the seed that picks the colours.</summary>
internal sealed record ImageSpec(string Format, int Quality, int Width, int Height, int Seed, int Count)
{
    public string Extension => Format;

    public string ContentType => Format switch
    {
        "mp4" => "video/mp4",
        "wav" => "audio/wav",
        "png" => "image/png",
        "webp" => "image/webp",
        _ => "image/jpeg",
    };

    /// <summary>
    /// Reads the image-shaping fields from a validated request. The schema has already vetted every value, so
    /// anything unexpected here simply falls back to the documented default.
    /// </summary>
    public static ImageSpec FromRequest(JsonElement body, string? paramsKey, int longSide)
    {
        var block = paramsKey is not null && body.TryGetProperty(paramsKey, out var p) && p.ValueKind == JsonValueKind.Object ? p : body;
        var format = String(block, "output_format") ?? "jpg";
        if (format == "jpeg")
        {
            format = "jpg";
        }

        if (format is not ("jpg" or "png" or "webp"))
        {
            format = "jpg";
        }

        var quality = Integer(block, "output_quality") is { } q ? (int)Math.Clamp(q, 0, 100) : 90;
        var (width, height) = String(block, "aspect_ratio") is null && Integer(block, "width") is > 0 and var w && Integer(block, "height") is > 0 and var h
            ? Scaled(w, h, Math.Clamp(longSide, 8, 4096))
            : Size(String(block, "aspect_ratio"), Math.Clamp(longSide, 8, 4096));
        var seed = Integer(block, "seed") is { } s
            ? unchecked((int)s ^ (int)(s >> 32))
            : StableHash(body.TryGetProperty("prompt", out var prompt) && prompt.ValueKind == JsonValueKind.String ? prompt.GetString()! : string.Empty);
        var count = Integer(block, "num_images") is { } n ? (int)Math.Clamp(n, 1, 8) : 1;
        return new ImageSpec(format, quality, width, height, seed, count);
    }

    /// <summary>
    /// A size whose width:height is exactly the ratio (both sides a whole multiple of its terms) with the long side
    /// as close to <paramref name="longSide"/> as that allows.
    /// </summary>
    public static (int Width, int Height) Size(string? ratio, int longSide)
    {
        var w = 1;
        var h = 1;
        var parts = ratio?.Split(':');
        if (parts is { Length: 2 }
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var rw)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var rh)
            && rw > 0 && rh > 0 && rw <= longSide && rh <= longSide)
        {
            w = rw;
            h = rh;
        }

        var unit = Math.Max(1, longSide / Math.Max(w, h));
        return (w * unit, h * unit);
    }

    // A model that takes pixels (width and height) gets their shape, drawn with the emulator's long side.
    private static (int Width, int Height) Scaled(long width, long height, int longSide)
    {
        var scale = (double)longSide / Math.Max(width, height);
        return ((int)Math.Max(1, Math.Round(width * scale)), (int)Math.Max(1, Math.Round(height * scale)));
    }

    private static string? String(JsonElement block, string name) =>
        block.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static long? Integer(JsonElement block, string name) =>
        block.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var n) ? n : null;

    // string.GetHashCode is randomized per process; the same prompt must draw the same picture on every run.
    private static int StableHash(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return unchecked((int)hash);
    }
}
