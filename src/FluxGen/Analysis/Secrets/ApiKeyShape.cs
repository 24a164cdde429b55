namespace FluxGen.Analysis.Secrets;

/// <summary>
/// What counts as an Apiframe API key in a string. Apiframe documents only the <c>afk_</c> prefix (API-NOTES, the
/// OpenAPI security scheme) and the emulator accepts any key with that prefix, so the rule is set here to match a
/// real, randomly generated key and nothing a person types as an example: <c>afk_</c>, then at least
/// <see cref="MinimumBodyLength"/> ASCII letters and digits with at least <see cref="MinimumDistinct"/> different
/// characters, not running on into another letter, digit, <c>_</c> or <c>-</c>. Readable test keys
/// (<c>afk_test_123</c>, <c>afk_secret_key_1234567890</c>) have underscores or are short; placeholders
/// (<c>afk_XXXXXXXXXXXXXXXXXXXXXXXX</c>) repeat few characters.
/// </summary>
/// <remarks>Hand-written rather than a regular expression: this runs on every string literal of every build, and a
/// single forward scan allocates nothing.</remarks>
internal static class ApiKeyShape
{
    public const string Prefix = "afk_";

    /// <summary>128 bits of base62 need 22 characters; 24 leaves room and stays far above any readable word.</summary>
    public const int MinimumBodyLength = 24;

    public const int MinimumDistinct = 8;

    /// <summary>Where the first key-shaped run starts and how long it is, or (-1, 0).</summary>
    public static (int Start, int Length) Find(string text)
    {
        var from = 0;
        while ((from = text.IndexOf(Prefix, from, System.StringComparison.Ordinal)) >= 0)
        {
            var start = from;
            from += Prefix.Length;
            if (start > 0 && IsRunCharacter(text[start - 1]))
            {
                continue;
            }

            var end = from;
            while (end < text.Length && IsKeyCharacter(text[end]))
            {
                end++;
            }

            if (end < text.Length && IsRunCharacter(text[end]))
            {
                continue;
            }

            if (end - from >= MinimumBodyLength && Distinct(text, from, end) >= MinimumDistinct)
            {
                return (start, end - start);
            }
        }

        return (-1, 0);
    }

    private static bool IsKeyCharacter(char c) => c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9';

    private static bool IsRunCharacter(char c) => IsKeyCharacter(c) || c is '_' or '-';

    private static int Distinct(string text, int from, int end)
    {
        // 62 possible characters: two 64-bit masks.
        ulong low = 0, high = 0;
        for (var i = from; i < end; i++)
        {
            var c = text[i];
            var index = c <= '9' ? c - '0' : c <= 'Z' ? c - 'A' + 10 : c - 'a' + 36;
            if (index < 64)
            {
                low |= 1UL << index;
            }
            else
            {
                high |= 1UL << (index - 64);
            }
        }

        return PopCount(low) + PopCount(high);
    }

    private static int PopCount(ulong value)
    {
        var count = 0;
        while (value != 0)
        {
            value &= value - 1;
            count++;
        }

        return count;
    }
}
