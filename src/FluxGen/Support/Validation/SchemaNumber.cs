using System;
using System.Globalization;
using System.Numerics;

namespace Apiframe.Validation;

/// <summary>
/// An exact decimal number, <c>Mantissa × 10^Exponent</c>. Schema bounds and steps are decimal text, and a
/// <see cref="double"/> goes on the wire as its shortest round-trip text, so comparing both as exact decimals
/// checks precisely what the server will read: 0.35 and 0.7 are on a 0.05 step, 0.33 is not.
/// </summary>
public readonly struct SchemaNumber : IComparable<SchemaNumber>, IEquatable<SchemaNumber>
{
    // JSON numbers that a double can carry stay within about 10^±330; anything far beyond that is refused
    // rather than expanded, so a hostile "1e999999999" can never make BigInteger.Pow run away.
    private const int MaxExponent = 1000;

    private SchemaNumber(BigInteger mantissa, int exponent)
    {
        if (mantissa.IsZero)
        {
            exponent = 0;
        }
        else
        {
            while (exponent < MaxExponent && (mantissa % 10).IsZero)
            {
                mantissa /= 10;
                exponent++;
            }
        }

        Mantissa = mantissa;
        Exponent = exponent;
    }

    /// <summary>The digits, sign included, with no trailing zero.</summary>
    public BigInteger Mantissa { get; }

    /// <summary>The power of ten the mantissa is scaled by.</summary>
    public int Exponent { get; }

    /// <summary>Whether the number is zero.</summary>
    public bool IsZero => Mantissa.IsZero;

    /// <summary>Whether the number has no fractional part.</summary>
    public bool IsInteger => Exponent >= 0;

    /// <summary>Parses JSON number text (<c>-12.5e3</c>); also accepts a leading <c>+</c>.</summary>
    public static bool TryParse(string? text, out SchemaNumber value)
    {
        value = default;
        if (text is null || text.Length == 0 || text.Length > 4096)
        {
            return false;
        }

        var i = 0;
        var negative = false;
        if (text[i] == '-' || text[i] == '+')
        {
            negative = text[i] == '-';
            i++;
        }

        var digits = new System.Text.StringBuilder(text.Length);
        var fractionDigits = 0;
        var sawDigit = false;
        var sawPoint = false;
        for (; i < text.Length; i++)
        {
            var c = text[i];
            if (c >= '0' && c <= '9')
            {
                digits.Append(c);
                sawDigit = true;
                if (sawPoint)
                {
                    fractionDigits++;
                }
            }
            else if (c == '.' && !sawPoint)
            {
                sawPoint = true;
            }
            else
            {
                break;
            }
        }

        if (!sawDigit)
        {
            return false;
        }

        long exponent = 0;
        if (i < text.Length)
        {
            if (text[i] != 'e' && text[i] != 'E')
            {
                return false;
            }

            i++;
            var exponentNegative = false;
            if (i < text.Length && (text[i] == '-' || text[i] == '+'))
            {
                exponentNegative = text[i] == '-';
                i++;
            }

            if (i >= text.Length)
            {
                return false;
            }

            for (; i < text.Length; i++)
            {
                var c = text[i];
                if (c < '0' || c > '9')
                {
                    return false;
                }

                exponent = Math.Min(exponent * 10 + (c - '0'), 100_000);
            }

            if (exponentNegative)
            {
                exponent = -exponent;
            }
        }

        var mantissa = BigInteger.Parse(digits.ToString(), NumberStyles.None, CultureInfo.InvariantCulture);
        var scaled = exponent - fractionDigits;
        if (!mantissa.IsZero && (scaled > MaxExponent || scaled < -MaxExponent - digits.Length))
        {
            return false;
        }

        value = new SchemaNumber(negative ? -mantissa : mantissa, mantissa.IsZero ? 0 : (int)scaled);
        return true;
    }

    /// <summary>The number exactly as its decimal text, for example <c>"0.05"</c>; throws on bad text.</summary>
    public static SchemaNumber Parse(string text) =>
        TryParse(text, out var value) ? value : throw new FormatException($"'{text}' is not a JSON number.");

    /// <summary>The number a finite double is written as on the wire (its shortest round-trip text).</summary>
    public static SchemaNumber FromDouble(double value)
    {
        if (double.IsNaN(value) || double.IsInfinity(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), "NaN and infinities have no JSON form.");
        }

        return Parse(value.ToString("R", CultureInfo.InvariantCulture));
    }

    /// <summary>The number an integer stands for.</summary>
    public static SchemaNumber FromInt64(long value) => new(value, 0);

    /// <summary>Whether this number is an integer multiple of <paramref name="step"/> (a positive number).</summary>
    public bool IsMultipleOf(SchemaNumber step)
    {
        if (step.Mantissa.Sign <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(step), "A step must be greater than zero.");
        }

        if (IsZero)
        {
            return true;
        }

        var common = Math.Min(Exponent, step.Exponent);
        var a = BigInteger.Abs(Mantissa) * BigInteger.Pow(10, Exponent - common);
        var b = step.Mantissa * BigInteger.Pow(10, step.Exponent - common);
        return (a % b).IsZero;
    }

    /// <summary>The nearest multiple of <paramref name="step"/>, halves rounded away from zero.</summary>
    public SchemaNumber RoundToMultipleOf(SchemaNumber step)
    {
        if (step.Mantissa.Sign <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(step), "A step must be greater than zero.");
        }

        var common = Math.Min(Exponent, step.Exponent);
        var a = Mantissa * BigInteger.Pow(10, Exponent - common);
        var b = step.Mantissa * BigInteger.Pow(10, step.Exponent - common);
        var quotient = BigInteger.DivRem(BigInteger.Abs(a), b, out var remainder);
        if (remainder * 2 >= b)
        {
            quotient += 1;
        }

        return new SchemaNumber(quotient * a.Sign * step.Mantissa, step.Exponent);
    }

    /// <inheritdoc/>
    public int CompareTo(SchemaNumber other)
    {
        if (Mantissa.Sign != other.Mantissa.Sign)
        {
            return Mantissa.Sign.CompareTo(other.Mantissa.Sign);
        }

        if (Mantissa.IsZero)
        {
            return 0;
        }

        // Orders of magnitude decide most comparisons without scaling a huge number up.
        var magnitude = DigitCount(Mantissa) + (long)Exponent;
        var otherMagnitude = DigitCount(other.Mantissa) + (long)other.Exponent;
        if (magnitude != otherMagnitude)
        {
            return Mantissa.Sign * magnitude.CompareTo(otherMagnitude);
        }

        var common = Math.Min(Exponent, other.Exponent);
        var a = Mantissa * BigInteger.Pow(10, Exponent - common);
        var b = other.Mantissa * BigInteger.Pow(10, other.Exponent - common);
        return a.CompareTo(b);
    }

    /// <inheritdoc/>
    public bool Equals(SchemaNumber other) => Mantissa.Equals(other.Mantissa) && Exponent == other.Exponent;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is SchemaNumber other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => Mantissa.GetHashCode() * 31 + Exponent;

    /// <summary>Plain decimal text with no exponent for ordinary sizes, for example <c>"0.05"</c> or <c>"100"</c>.</summary>
    public override string ToString()
    {
        var digits = BigInteger.Abs(Mantissa).ToString(CultureInfo.InvariantCulture);
        var sign = Mantissa.Sign < 0 ? "-" : string.Empty;
        if (Exponent >= 0)
        {
            return Exponent <= 21 ? sign + digits + new string('0', Exponent) : sign + digits + "E+" + Exponent.ToString(CultureInfo.InvariantCulture);
        }

        var point = digits.Length + Exponent;
        if (point > 0)
        {
            return sign + digits.Substring(0, point) + "." + digits.Substring(point);
        }

        return point > -20
            ? sign + "0." + new string('0', -point) + digits
            : sign + digits + "E" + Exponent.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>The number as the nearest double.</summary>
    public double ToDouble() => double.Parse(ToString(), NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>The same number with the other sign.</summary>
    public static SchemaNumber operator -(SchemaNumber value) => new(-value.Mantissa, value.Exponent);

    /// <inheritdoc cref="CompareTo(SchemaNumber)"/>
    public static bool operator <(SchemaNumber left, SchemaNumber right) => left.CompareTo(right) < 0;

    /// <inheritdoc cref="CompareTo(SchemaNumber)"/>
    public static bool operator >(SchemaNumber left, SchemaNumber right) => left.CompareTo(right) > 0;

    /// <inheritdoc cref="CompareTo(SchemaNumber)"/>
    public static bool operator <=(SchemaNumber left, SchemaNumber right) => left.CompareTo(right) <= 0;

    /// <inheritdoc cref="CompareTo(SchemaNumber)"/>
    public static bool operator >=(SchemaNumber left, SchemaNumber right) => left.CompareTo(right) >= 0;

    /// <inheritdoc cref="Equals(SchemaNumber)"/>
    public static bool operator ==(SchemaNumber left, SchemaNumber right) => left.Equals(right);

    /// <inheritdoc cref="Equals(SchemaNumber)"/>
    public static bool operator !=(SchemaNumber left, SchemaNumber right) => !left.Equals(right);

    private static int DigitCount(BigInteger value)
    {
        var text = BigInteger.Abs(value).ToString(CultureInfo.InvariantCulture);
        return text.Length;
    }
}
