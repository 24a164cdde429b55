using System.Buffers.Binary;
using System.Text;

namespace FluxGen.Emulator.Media;

/// <summary>
/// A documented stand-in for a video: a structurally valid MP4 (ISO/IEC 14496-12) with its <c>ftyp</c> and a
/// <c>moov</c> whose movie header carries the requested duration, but no track. No NuGet library writes MP4 without
/// a native encoder (FFmpeg), so the emulator writes the boxes by hand: clients get a real container of the right
/// type, size order and duration to download and probe, not frames to play.
/// </summary>
internal static class Mp4Writer
{
    private const int TimeScale = 1000;

    public static byte[] Empty(int width, int height, int seconds)
    {
        using var stream = new MemoryStream();
        Box(stream, "ftyp", body =>
        {
            body.Write("isom"u8);
            WriteInt32(body, 0x200);
            body.Write("isomiso2mp41"u8);
        });
        Box(stream, "moov", moov =>
        {
            Box(moov, "mvhd", mvhd =>
            {
                WriteInt32(mvhd, 0);                      // version 0, no flags
                WriteInt32(mvhd, 0);                      // creation time
                WriteInt32(mvhd, 0);                      // modification time
                WriteInt32(mvhd, TimeScale);
                WriteInt32(mvhd, seconds * TimeScale);    // duration
                WriteInt32(mvhd, 0x00010000);             // rate 1.0
                mvhd.Write([0x01, 0x00]);                 // volume 1.0
                mvhd.Write(new byte[10]);                 // reserved
                foreach (var m in new[] { 0x00010000, 0, 0, 0, 0x00010000, 0, 0, 0, 0x40000000 })
                {
                    WriteInt32(mvhd, m);                  // unity matrix
                }

                mvhd.Write(new byte[24]);                 // pre-defined
                WriteInt32(mvhd, 1);                      // next track id
            });

            // The picture size the request asked for, as a user-data note players ignore.
            Box(moov, "udta", udta => Box(udta, "\u00a9cmt", note => note.Write(Encoding.UTF8.GetBytes($"FluxGen emulator stand-in {width}x{height}"))));
        });
        return stream.ToArray();
    }

    private static void Box(Stream stream, string type, Action<Stream> body)
    {
        using var content = new MemoryStream();
        body(content);
        WriteInt32(stream, checked((int)content.Length + 8));
        stream.Write(Encoding.Latin1.GetBytes(type));
        content.Position = 0;
        content.CopyTo(stream);
    }

    private static void WriteInt32(Stream stream, int value)
    {
        Span<byte> buffer = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(buffer, value);
        stream.Write(buffer);
    }
}
