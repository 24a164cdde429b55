using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace FluxGen.Emulator.Jobs;

/// <summary>
/// The opaque <c>cursor</c> of the job list: the position of the last job on a page. Jobs are listed newest first
/// by creation order, which is also the (createdAt desc, id desc) order the real API documents.
/// </summary>
internal static class JobCursor
{
    private const string Prefix = "emu1:";

    public static string Encode(long sequence) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(Prefix + sequence.ToString(CultureInfo.InvariantCulture)));

    public static bool TryDecode(string cursor, out long sequence)
    {
        sequence = 0;
        try
        {
            var text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor));
            return text.StartsWith(Prefix, StringComparison.Ordinal)
                && long.TryParse(text.AsSpan(Prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out sequence);
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
