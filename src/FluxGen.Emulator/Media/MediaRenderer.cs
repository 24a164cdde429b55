using FluxGen.Emulator.Images;

namespace FluxGen.Emulator.Media;

/// <summary>Makes the bytes of one result file, by its format.</summary>
internal static class MediaRenderer
{
    public static byte[] Render(ImageSpec spec, int index) => spec.Format switch
    {
        "wav" => WavWriter.Tone(spec.Quality, spec.Seed),
        "mp4" => Mp4Writer.Empty(spec.Width, spec.Height, spec.Quality),
        _ => ImageRenderer.Render(spec, index),
    };
}
