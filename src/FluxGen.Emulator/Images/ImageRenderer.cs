using SkiaSharp;

namespace FluxGen.Emulator.Images;

/// <summary>Draws a small, real picture for a job so clients download and decode genuine image bytes.</summary>
internal static class ImageRenderer
{
    public static byte[] Render(ImageSpec spec, int index)
    {
        var random = new Random(unchecked(spec.Seed + index * 7919));
        var info = new SKImageInfo(spec.Width, spec.Height, SKColorType.Rgba8888, SKAlphaType.Premul);
        using var surface = SKSurface.Create(info)
            ?? throw new InvalidOperationException($"SkiaSharp could not create a {spec.Width}x{spec.Height} surface.");
        var canvas = surface.Canvas;

        using (var shader = SKShader.CreateLinearGradient(
            new SKPoint(0, 0),
            new SKPoint(spec.Width, spec.Height),
            [RandomColor(random), RandomColor(random)],
            SKShaderTileMode.Clamp))
        using (var background = new SKPaint { Shader = shader })
        {
            canvas.DrawRect(0, 0, spec.Width, spec.Height, background);
        }

        using (var paint = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Fill })
        {
            var shortSide = Math.Min(spec.Width, spec.Height);
            for (var i = 0; i < 6; i++)
            {
                paint.Color = RandomColor(random).WithAlpha(150);
                canvas.DrawCircle(
                    (float)(random.NextDouble() * spec.Width),
                    (float)(random.NextDouble() * spec.Height),
                    (float)(shortSide * (0.08 + random.NextDouble() * 0.2)),
                    paint);
            }
        }

        // A white border marks the emulated image even when viewed outside any context.
        using (var frame = new SKPaint { IsAntialias = false, Style = SKPaintStyle.Stroke, StrokeWidth = 4, Color = SKColors.White })
        {
            canvas.DrawRect(2, 2, spec.Width - 4, spec.Height - 4, frame);
        }

        using var image = surface.Snapshot();
        var format = spec.Format switch
        {
            "png" => SKEncodedImageFormat.Png,
            "webp" => SKEncodedImageFormat.Webp,
            _ => SKEncodedImageFormat.Jpeg,
        };
        using var data = image.Encode(format, spec.Quality)
            ?? throw new InvalidOperationException($"SkiaSharp could not encode {spec.Format}.");
        return data.ToArray();
    }

    private static SKColor RandomColor(Random random) =>
        new((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256));
}
