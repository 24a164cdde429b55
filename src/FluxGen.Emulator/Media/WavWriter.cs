using System.Buffers.Binary;

namespace FluxGen.Emulator.Media;

/// <summary>
/// A real, playable WAV file: a RIFF header and 16-bit mono PCM of a soft tone. Written by hand because the format is
/// 44 bytes of header over raw samples, less code than wiring up an audio library (the well-known ones target Windows
/// or bring native codecs the emulator does not need).
/// </summary>
internal static class WavWriter
{
    private const int SampleRate = 8000;

    public static byte[] Tone(int seconds, int seed)
    {
        var samples = SampleRate * Math.Max(1, seconds);
        var data = samples * 2;
        var bytes = new byte[44 + data];
        var span = bytes.AsSpan();
        "RIFF"u8.CopyTo(span);
        BinaryPrimitives.WriteInt32LittleEndian(span[4..], 36 + data);
        "WAVE"u8.CopyTo(span[8..]);
        "fmt "u8.CopyTo(span[12..]);
        BinaryPrimitives.WriteInt32LittleEndian(span[16..], 16);          // fmt chunk size
        BinaryPrimitives.WriteInt16LittleEndian(span[20..], 1);           // PCM
        BinaryPrimitives.WriteInt16LittleEndian(span[22..], 1);           // mono
        BinaryPrimitives.WriteInt32LittleEndian(span[24..], SampleRate);
        BinaryPrimitives.WriteInt32LittleEndian(span[28..], SampleRate * 2); // byte rate
        BinaryPrimitives.WriteInt16LittleEndian(span[32..], 2);           // block align
        BinaryPrimitives.WriteInt16LittleEndian(span[34..], 16);          // bits per sample
        "data"u8.CopyTo(span[36..]);
        BinaryPrimitives.WriteInt32LittleEndian(span[40..], data);

        // The prompt's seed picks the pitch, so the same request sounds the same on every run.
        var frequency = 220 + (uint)seed % 440;
        for (var i = 0; i < samples; i++)
        {
            var sample = (short)(Math.Sin(2 * Math.PI * frequency * i / SampleRate) * short.MaxValue * 0.2);
            BinaryPrimitives.WriteInt16LittleEndian(span[(44 + (i * 2))..], sample);
        }

        return bytes;
    }
}
