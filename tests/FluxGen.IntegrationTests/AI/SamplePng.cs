using SkiaSharp;

namespace FluxGen.IntegrationTests.AI;

/// <summary>A small PNG drawn for the edit tests: an image the emulator has never seen, so its bytes identify it.</summary>
internal static class SamplePng
{
    public static byte[] Draw(SKColor colour, int size = 48)
    {
        using var bitmap = new SKBitmap(size, size);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(colour);
            using var paint = new SKPaint { Color = SKColors.White };
            canvas.DrawCircle(size / 2f, size / 2f, size / 4f, paint);
        }

        using var image = SKImage.FromBitmap(bitmap);
        using var png = image.Encode(SKEncodedImageFormat.Png, 100);
        return png.ToArray();
    }
}
