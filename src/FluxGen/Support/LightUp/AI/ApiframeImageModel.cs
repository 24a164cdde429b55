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

    /// <summary>
    /// The member that takes the images a job starts from (what an edit sends): its name, whether it is a list of
    /// URLs, and how many it takes (<see langword="null"/>: the document sets no limit).
    /// </summary>
    public (string Member, bool List, int? Maximum)? InputImages { get; init; }

    /// <summary>The params the schema requires (an empty name: only the block itself is required).</summary>
    public string[] RequiredParams { get; init; } = Array.Empty<string>();

    public ApiframeModelInfo Info { get; }

    public string Id => Info.Id;

    /// <summary>Whether the schema asks for the params block even when nothing in it is set.</summary>
    public bool RequiresBlock => RequiredParams.Length > 0;

    /// <summary>
    /// Throws when the model needs params that only a typed request can carry (a LoRA id, a reference image); the
    /// input-image member counts as given when the request has images for it.
    /// </summary>
    public void RequireNoOwnParams(bool hasInputImages)
    {
        var given = hasInputImages ? InputImages?.Member : null;
        var named = Array.FindAll(RequiredParams, p => p.Length > 0 && p != given);
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
            throw new NotSupportedException($"ImageGenerationOptions.ImageSize {size.Width}x{size.Height} is not a size any model makes: it needs a positive width and height.");
        }

        if (Width is (var minWidth, var maxWidth) && Height is (var minHeight, var maxHeight))
        {
            var scale = Math.Min(1.0, Math.Min((double)maxWidth / size.Width, (double)maxHeight / size.Height));
            scale = Math.Max(scale, Math.Max((double)minWidth / size.Width, (double)minHeight / size.Height));
            // Math.Clamp is .NET Core 2.0 and later; the bounds come from one schema, so min <= max.
            values.Add(new("width", Math.Max(minWidth, Math.Min(maxWidth, (int)Math.Round(size.Width * scale)))));
            values.Add(new("height", Math.Max(minHeight, Math.Min(maxHeight, (int)Math.Round(size.Height * scale)))));
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

    /// <summary>How many images one job of the model can make: its count member's maximum, or one where it has none.</summary>
    public int ImagesPerJob => Count is (_, var maximum) ? maximum ?? int.MaxValue : 1;

    /// <summary>The model's image-count member for a job of <paramref name="count"/> images (at most
    /// <see cref="ImagesPerJob"/>); one image needs none.</summary>
    public void AddCount(int count, List<KeyValuePair<string, object>> values)
    {
        if (count > 1 && Count is (var member, _))
        {
            values.Add(new(member, count));
        }
    }

    /// <summary>Throws unless the model takes <paramref name="count"/> input images; checked before anything is sent.</summary>
    public void RequireInputImages(int count)
    {
        if (InputImages is not (var member, var list, var maximum))
        {
            throw new NotSupportedException(
                $"Model '{Id}' documents no input image, so it cannot edit (ImageGenerationRequest.OriginalImages): " +
                "name a model that takes one in ImageGenerationOptions.ModelId (for example flux-2-pro, seedream-4 or nano-banana).");
        }

        if (maximum is { } most && count > most)
        {
            throw new NotSupportedException(list
                ? $"Model '{Id}' takes at most {most} input images in {Info.ParamsKey}.{member}; the request has {count}."
                : $"Model '{Id}' takes one input image ({Info.ParamsKey}.{member}); the request has {count}.");
        }
    }

    /// <summary>The input-image member for the given URLs: a list, or the one URL, as the member takes it.</summary>
    public void AddInputImages(IReadOnlyList<string> urls, List<KeyValuePair<string, object>> values)
    {
        if (urls.Count == 0 || InputImages is not (var member, var list, _))
        {
            return;
        }

        values.Add(new(member, list ? (object)CopyOf(urls) : urls[0]));
    }

    private static string[] CopyOf(IReadOnlyList<string> urls)
    {
        var copy = new string[urls.Count];
        for (var i = 0; i < copy.Length; i++)
        {
            copy[i] = urls[i];
        }

        return copy;
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
            && double.TryParse(ratio.Substring(0, colon), NumberStyles.Float, CultureInfo.InvariantCulture, out var w)
            && double.TryParse(ratio.Substring(colon + 1), NumberStyles.Float, CultureInfo.InvariantCulture, out var h)
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
