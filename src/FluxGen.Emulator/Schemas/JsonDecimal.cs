using System.Globalization;
using System.Numerics;

namespace FluxGen.Emulator.Schemas;

/// <summary>
/// A JSON number held exactly as <c>digits × 10^scale</c>, so bounds and steps are checked on the text the client
/// sent: 0.35 is a multiple of 0.05 and 0.33 is not, which binary doubles cannot decide.
/// </summary>
/// <remarks>
/// The shared <c>Apiframe.Validation.SchemaNumber</c> does the same job, but it is a public type the generator also
/// emits into every consumer; compiling it into this assembly would clash with the generated copy in any project
/// that references both the emulator and the generated client, so the emulator keeps its own internal one.
/// </remarks>
internal readonly struct JsonDecimal : IComparable<JsonDecimal>
{
    // Far beyond any double; keeps BigInteger.Pow bounded whatever exponent a hostile body carries.
    private const int ScaleLimit = 400;

    private JsonDecimal(BigInteger digits, int scale)
    {
        while (!digits.IsZero && (digits % 10).IsZero)
        {
            digits /= 10;
            scale++;
        }

        Digits = digits;
        Scale = digits.IsZero ? 0 : scale;
    }

    public BigInteger Digits { get; }

    public int Scale { get; }

    public bool IsInteger => Scale >= 0;

    public static bool TryParse(string text, out JsonDecimal value)
    {
        value = default;
        var exponentAt = text.IndexOfAny(['e', 'E']);
        var mantissaText = exponentAt < 0 ? text : text[..exponentAt];
        var exponent = 0;
        if (exponentAt >= 0 && !int.TryParse(text.AsSpan(exponentAt + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out exponent))
        {
            return false;
        }

        var negative = mantissaText.StartsWith('-');
        if (negative)
        {
            mantissaText = mantissaText[1..];
        }

        var point = mantissaText.IndexOf('.');
        var fraction = point < 0 ? 0 : mantissaText.Length - point - 1;
        var digitText = point < 0 ? mantissaText : mantissaText.Remove(point, 1);
        if (digitText.Length == 0 || !BigInteger.TryParse(digitText, NumberStyles.None, CultureInfo.InvariantCulture, out var digits))
        {
            return false;
        }

        var scale = (long)exponent - fraction;
        if (!digits.IsZero && Math.Abs(scale) > ScaleLimit)
        {
            return false;
        }

        value = new JsonDecimal(negative ? -digits : digits, (int)scale);
        return true;
    }

    public static JsonDecimal Parse(string text) =>
        TryParse(text, out var value) ? value : throw new FormatException($"'{text}' is not a JSON number.");

    public bool IsMultipleOf(JsonDecimal step)
    {
        if (Digits.IsZero)
        {
            return true;
        }

        var (a, b) = Align(this, step);
        return !b.IsZero && (BigInteger.Abs(a) % BigInteger.Abs(b)).IsZero;
    }

    public int CompareTo(JsonDecimal other)
    {
        var (a, b) = Align(this, other);
        return a.CompareTo(b);
    }

    public override string ToString()
    {
        if (Scale >= 0)
        {
            return (Digits * BigInteger.Pow(10, Scale)).ToString(CultureInfo.InvariantCulture);
        }

        var text = BigInteger.Abs(Digits).ToString(CultureInfo.InvariantCulture).PadLeft(1 - Scale, '0');
        var whole = text[..(text.Length + Scale)];
        return (Digits.Sign < 0 ? "-" : string.Empty) + whole + "." + text[(text.Length + Scale)..];
    }

    private static (BigInteger A, BigInteger B) Align(JsonDecimal left, JsonDecimal right)
    {
        var common = Math.Min(left.Scale, right.Scale);
        return (left.Digits * BigInteger.Pow(10, left.Scale - common), right.Digits * BigInteger.Pow(10, right.Scale - common));
    }
}
