using System.Globalization;
using System.Numerics;

namespace FluxGen.Emulator.Schemas;

/// <summary>
/// A JSON number held exactly as <c>digits × 10^scale</c>, so bounds and steps are checked on the text the client
/// sent: 0.35 is a multiple of 0.05 and 0.33 is not, which binary doubles cannot decide. Any exponent JSON can write
/// is read exactly (<c>0e99999999999</c> is 0, <c>1e99999999999</c> is above every bound) without ever expanding it.
/// </summary>
/// <remarks>
/// The shared <c>Apiframe.Validation.SchemaNumber</c> does the same job, but it is a public type the generator also
/// emits into every consumer; compiling it into this assembly would clash with the generated copy in any project
/// that references both the emulator and the generated client, so the emulator keeps its own internal one.
/// </remarks>
internal readonly struct JsonDecimal : IComparable<JsonDecimal>
{
    // Significant digits read exactly; the body cap keeps this far above anything a client sends, and it bounds
    // the BigInteger work a hostile body can cause.
    private const int MaxDigits = 10_000;

    private JsonDecimal(BigInteger digits, BigInteger scale)
    {
        while (!digits.IsZero && (digits % 10).IsZero)
        {
            digits /= 10;
            scale++;
        }

        Digits = digits;
        Scale = digits.IsZero ? BigInteger.Zero : scale;
    }

    public BigInteger Digits { get; }

    /// <summary>The power of ten; unbounded, as JSON's exponent is.</summary>
    public BigInteger Scale { get; }

    public bool IsInteger => Scale.Sign >= 0;

    /// <summary>The number of decimal digits of <see cref="Digits"/> plus <see cref="Scale"/>: the power of ten
    /// just above the magnitude, which orders numbers of one sign without aligning them.</summary>
    private BigInteger Magnitude => BigInteger.Abs(Digits).ToString(CultureInfo.InvariantCulture).Length + Scale;

    /// <summary>Reads JSON number text; false when it has more significant digits than are read exactly.</summary>
    public static bool TryParse(string text, out JsonDecimal value)
    {
        value = default;
        var exponentAt = text.IndexOfAny(['e', 'E']);
        var mantissaText = exponentAt < 0 ? text : text[..exponentAt];
        var exponent = BigInteger.Zero;
        if (exponentAt >= 0 && !BigInteger.TryParse(text.AsSpan(exponentAt + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out exponent))
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
        var digitText = (point < 0 ? mantissaText : mantissaText.Remove(point, 1)).TrimStart('0');
        if (digitText.Length == 0)
        {
            value = default;
            return mantissaText.Length > 0;
        }

        if (digitText.Length > MaxDigits || !BigInteger.TryParse(digitText, NumberStyles.None, CultureInfo.InvariantCulture, out var digits))
        {
            return false;
        }

        value = new JsonDecimal(negative ? -digits : digits, exponent - fraction);
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

        if (step.Digits.IsZero)
        {
            return false;
        }

        var divisor = BigInteger.Abs(step.Digits);
        var shift = Scale - step.Scale;
        if (shift.Sign >= 0)
        {
            // digits × 10^shift mod divisor, without writing 10^shift out.
            return (BigInteger.Abs(Digits) * BigInteger.ModPow(10, shift, divisor) % divisor).IsZero;
        }

        // A number finer than the step: d × 10^s over m × 10^t (s < t) is whole only if 10 divides d, and
        // normalised digits never end in a zero.
        return false;
    }

    public int CompareTo(JsonDecimal other)
    {
        var sign = Digits.Sign.CompareTo(other.Digits.Sign);
        if (sign != 0 || Digits.IsZero)
        {
            return sign;
        }

        // Same sign, both non-zero: a larger magnitude exponent decides unless the two are equal.
        var magnitude = Magnitude.CompareTo(other.Magnitude);
        if (magnitude != 0)
        {
            return Digits.Sign > 0 ? magnitude : -magnitude;
        }

        // Equal magnitudes: the scales differ by at most the digit counts, so aligning stays small.
        var common = BigInteger.Min(Scale, other.Scale);
        var a = Digits * BigInteger.Pow(10, (int)(Scale - common));
        var b = other.Digits * BigInteger.Pow(10, (int)(other.Scale - common));
        return a.CompareTo(b);
    }

    public override string ToString()
    {
        if (Scale.Sign >= 0)
        {
            return Scale > 30
                ? Digits.ToString(CultureInfo.InvariantCulture) + "e" + Scale.ToString(CultureInfo.InvariantCulture)
                : (Digits * BigInteger.Pow(10, (int)Scale)).ToString(CultureInfo.InvariantCulture);
        }

        if (-Scale > 400)
        {
            return Digits.ToString(CultureInfo.InvariantCulture) + "e" + Scale.ToString(CultureInfo.InvariantCulture);
        }

        var shift = (int)-Scale;
        var text = BigInteger.Abs(Digits).ToString(CultureInfo.InvariantCulture).PadLeft(shift + 1, '0');
        var whole = text[..(text.Length - shift)];
        return (Digits.Sign < 0 ? "-" : string.Empty) + whole + "." + text[(text.Length - shift)..];
    }
}
