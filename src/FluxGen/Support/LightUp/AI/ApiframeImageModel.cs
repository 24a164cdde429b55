using System;
using System.Collections.Generic;
using System.Drawing;
using System.Globalization;

namespace Apiframe;

/// <summary>
/// One text-to-image model as the schemas describe it, for building its request from
/// <c>ImageGenerationOptions</c> without its generated types: FluxGen writes a table of every image model it read,
/// so <c>ModelId</c> can name any of them whether or not the project's code uses the model's types.
/// </summary>
internal sealed class ApiframeImageModel
{
    /// <summary>Creates the entry; the members <c>ImageGenerationOptions</c> map onto are set as properties.</summary>
    public ApiframeImageModel(string id, string endpoint, string? paramsKey, string? provider, TimeSpan averageDuration)
    {
        Info = new ApiframeModelInfo(id, endpoint, paramsKey, provider, "image", averageDuration);
    }

    /// <summary>The documented values of <c>aspect_ratio</c>, when it is an enum.</summary>
    public string[] AspectRatios { get; init; } = Array.Empty<string>();

    /// <summary>Whether <c>aspect_ratio</c> takes any <c>W:H</c> text.</summary>
    public bool FreeAspectRatio { get; init; }

    /// <summary>The bounds of <c>width</c>, when the model takes a width and a height.</summary>
    public (int Minimum, int Maximum)? Width { get; init; }

    /// <summary>The bounds of <c>height</c>, when the model takes a width and a height.</summary>
    public (int Minimum, int Maximum)? Height { get; init; }

    /// <summary>The documented values of <c>output_format</c>.</summary>
    public string[] OutputFormats { get; init; } = Array.Empty<string>();

    /// <summary>The member that says how many images a job makes, and its maximum.</summary>
    public (string Member, int? Maximum)? Count { get; init; }

    /// <summary>The params the schema requires (an empty name: only the block itself is required).</summary>
    public string[] RequiredParams { get; init; } = Array.Empty<string>();

    public ApiframeModelInfo Info { get; }

    public string Id => Info.Id;

    /// <summary>Whether the schema asks for the params block even when nothing in it is set.</summary>
    public bool RequiresBlock => RequiredParams.Length > 0;

    /// <summary>Throws when the model needs params that only a typed request can carry (a LoRA id, a reference image).</summary>
    public void RequireNoOwnParams()
    {
        var named = Array.FindAll(RequiredParams, p => p.Length > 0);
        if (named.Length > 0)
        {
            throw new NotSupportedException(
                $"Model '{Id}' needs {string.Join(", ", named)} in {Info.ParamsKey}, which ImageGenerationOptions cannot say: " +
                "build its generated request and return it from ImageGenerationOptions.RawRepresentationFactory.");
        }
    }

    /// <summary>
    /// The size members for <paramref name="size"/>: width and height where the model takes pixels (scaled to its
    /// bounds, keeping the shape as far as they allow), else the nearest documented aspect ratio, else the ratio
    /// itself where any <c>W:H</c> is accepted.
    /// </summary>
    public void AddSize(Size size, List<KeyValuePair<string, object>> values)
    {
        if (size.Width <= 0 || size.Height <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(size), size, "ImageGenerationOptions.ImageSize needs a positive width and height.");
        }

        if (Width is (var minWidth, var maxWidth) && Height is (var minHeight, var maxHeight))
        {
            var scale = Math.Min(1.0, Math.Min((double)maxWidth / size.Width, (double)maxHeight / size.Height));
            scale = Math.Max(scale, Math.Max((double)minWidth / size.Width, (double)minHeight / size.Height));
            values.Add(new("width", Math.Clamp((int)Math.Round(size.Width * scale), minWidth, maxWidth)));
            values.Add(new("height", Math.Clamp((int)Math.Round(size.Height * scale), minHeight, maxHeight)));
            return;
        }

        if (AspectRatios.Length > 0)
        {
            values.Add(new("aspect_ratio", Nearest(size)));
            return;
        }

        if (FreeAspectRatio)
        {
            var divisor = Gcd(size.Width, size.Height);
            values.Add(new("aspect_ratio", (size.Width / divisor).ToString(CultureInfo.InvariantCulture) + ":" + (size.Height / divisor).ToString(CultureInfo.InvariantCulture)));
            return;
        }

        throw new NotSupportedException(
            $"Model '{Id}' takes neither an aspect ratio nor a width and height: leave ImageGenerationOptions.ImageSize unset, " +
            "or set the model's own size member on its generated request and return it from RawRepresentationFactory.");
    }

    /// <summary>The model's <c>output_format</c> value for a media type such as <c>image/png</c>.</summary>
    public void AddMediaType(string mediaType, List<KeyValuePair<string, object>> values)
    {
        string[] candidates = mediaType.Trim().ToLowerInvariant() switch
        {
            "image/png" => new[] { "png" },
            "image/jpeg" or "image/jpg" => new[] { "jpg", "jpeg" },
            "image/webp" => new[] { "webp" },
            _ => Array.Empty<string>(),
        };
        foreach (var candidate in candidates)
        {
            if (Array.IndexOf(OutputFormats, candidate) >= 0)
            {
                values.Add(new("output_format", candidate));
                return;
            }
        }

        throw new NotSupportedException(OutputFormats.Length == 0
            ? $"Model '{Id}' has no choice of output format, so ImageGenerationOptions.MediaType '{mediaType}' cannot be honoured."
            : $"Model '{Id}' makes {string.Join(", ", OutputFormats)}, not '{mediaType}'.");
    }

    /// <summary>The model's image-count member for <paramref name="count"/> images; one image needs none.</summary>
    public void AddCount(int count, List<KeyValuePair<string, object>> values)
    {
        if (count < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, "ImageGenerationOptions.Count must be at least 1.");
        }

        if (count == 1)
        {
            return;
        }

        if (Count is not (var member, var maximum))
        {
            throw new NotSupportedException($"Model '{Id}' makes one image per job; ImageGenerationOptions.Count = {count} is not supported by it.");
        }

        if (maximum is { } most && count > most)
        {
            throw new NotSupportedException($"Model '{Id}' makes at most {most} images per job; ImageGenerationOptions.Count = {count} is not supported by it.");
        }

        values.Add(new(member, count));
    }

    // Ratios compare on a log scale, so 2:1 and 1:2 are equally far from 1:1.
    private string Nearest(Size size)
    {
        var wanted = Math.Log((double)size.Width / size.Height);
        var best = AspectRatios[0];
        var bestDistance = double.MaxValue;
        foreach (var ratio in AspectRatios)
        {
            if (Parse(ratio) is { } value && Math.Abs(Math.Log(value) - wanted) < bestDistance)
            {
                bestDistance = Math.Abs(Math.Log(value) - wanted);
                best = ratio;
            }
        }

        return best;
    }

    private static double? Parse(string ratio)
    {
        var colon = ratio.IndexOf(':');
        return colon > 0
            && double.TryParse(ratio.AsSpan(0, colon), NumberStyles.Float, CultureInfo.InvariantCulture, out var w)
            && double.TryParse(ratio.AsSpan(colon + 1), NumberStyles.Float, CultureInfo.InvariantCulture, out var h)
            && w > 0 && h > 0
            ? w / h
            : null;
    }

    private static int Gcd(int a, int b)
    {
        while (b != 0)
        {
            (a, b) = (b, a % b);
        }

        return a;
    }
}
