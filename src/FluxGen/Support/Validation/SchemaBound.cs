using System;
using System.Collections.Concurrent;
using System.Globalization;
using System.Numerics;

namespace Apiframe.Validation;

/// <summary>
/// A schema bound or step, parsed once per text and kept with the machine numbers that let a valid value be checked
/// without building a <see cref="SchemaNumber"/> (which allocates): validating a request must cost nothing it need not.
/// </summary>
internal sealed class SchemaBound
{
    private static readonly ConcurrentDictionary<string, SchemaBound> Cache = new(StringComparer.Ordinal);

    private SchemaBound(string text)
    {
        Exact = SchemaNumber.Parse(text);
        AsDouble = double.Parse(Exact.ToString(), NumberStyles.Float, CultureInfo.InvariantCulture);

        // When the bound's own text is the shortest form of its double, a double equal to it is the same decimal.
        DoubleIsExact = !double.IsInfinity(AsDouble) && SchemaNumber.FromDouble(AsDouble) == Exact;
        if (BigInteger.Abs(Exact.Mantissa) < 1_000_000_000_000_000_000)
        {
            Mantissa = (long)Exact.Mantissa;
            Exponent = Exact.Exponent;
            HasSmallMantissa = true;
        }

        if (Exact.IsInteger && Exact.Exponent <= 18)
        {
            var whole = Exact.Mantissa * BigInteger.Pow(10, Exact.Exponent);
            if (whole >= long.MinValue && whole <= long.MaxValue)
            {
                AsInt64 = (long)whole;
                IsInt64 = true;
            }
        }
    }

    /// <summary>The exact decimal.</summary>
    public SchemaNumber Exact { get; }

    /// <summary>The nearest double.</summary>
    public double AsDouble { get; }

    /// <summary>Whether <see cref="AsDouble"/>'s shortest text is this very decimal.</summary>
    public bool DoubleIsExact { get; }

    /// <summary>Whether the number is <see cref="Mantissa"/> × 10^<see cref="Exponent"/> with a mantissa of at most 18 digits.</summary>
    public bool HasSmallMantissa { get; }

    /// <inheritdoc cref="HasSmallMantissa"/>
    public long Mantissa { get; }

    /// <inheritdoc cref="HasSmallMantissa"/>
    public int Exponent { get; }

    /// <summary>Whether the number is an integer that fits <see cref="long"/>, held in <see cref="AsInt64"/>.</summary>
    public bool IsInt64 { get; }

    /// <inheritdoc cref="IsInt64"/>
    public long AsInt64 { get; }

    /// <summary>The bound for a schema text; generated code passes literals, so the cache holds a handful.</summary>
    public static SchemaBound For(string text) => Cache.GetOrAdd(text, static t => new SchemaBound(t));

    /// <summary>Compares a finite double, as its shortest round-trip text, with this bound, exactly: negative when the
    /// value is below the bound, zero when equal, positive when above.</summary>
    public int ValueCompare(double value)
    {
        // Rounding a decimal to the nearest double never reverses an order, so a strict difference between the
        // doubles is the same difference between the decimals; equal doubles need the exact texts.
        if (value < AsDouble)
        {
            return -1;
        }

        if (value > AsDouble)
        {
            return 1;
        }

        return DoubleIsExact ? 0 : SchemaNumber.FromDouble(value).CompareTo(Exact);
    }

    /// <summary>Compares an integer with this bound, exactly, with the sign convention of <see cref="ValueCompare(double)"/>.</summary>
    public int ValueCompare(long value) => IsInt64 ? value.CompareTo(AsInt64) : SchemaNumber.FromInt64(value).CompareTo(Exact);

    /// <summary>Whether a finite double's shortest round-trip text is an integer multiple of this (positive) step.</summary>
    public bool IsMultipleOf(double value)
    {
        if (value == 0)
        {
            return true;
        }

        return HasSmallMantissa && TryShortestDigits(value, out var digits, out var exponent)
            ? IsMultiple(digits, exponent)
            : SchemaNumber.FromDouble(value).IsMultipleOf(Exact);
    }

    /// <summary>Whether an integer is an integer multiple of this (positive) step.</summary>
    public bool IsMultipleOf(long value)
    {
        if (IsInt64)
        {
            return value % AsInt64 == 0;
        }

        return HasSmallMantissa && value != long.MinValue
            ? IsMultiple(Math.Abs(value), 0)
            : SchemaNumber.FromInt64(value).IsMultipleOf(Exact);
    }

    // digits × 10^exponent over Mantissa × 10^Exponent, both mantissas positive and below 10^18: whole when, with
    // the value's trailing zeros moved into its exponent, the value is no finer than the step and digits × 10^shift
    // leaves no remainder by the step's mantissa (computed by repeated ×10 mod m, never overflowing).
    private bool IsMultiple(long digits, int exponent)
    {
        if (digits == 0)
        {
            return true;
        }

        while (digits % 10 == 0)
        {
            digits /= 10;
            exponent++;
        }

        if (exponent < Exponent)
        {
            return false;
        }

        var m = (ulong)Mantissa;
        var remainder = (ulong)digits % m;
        for (var shift = exponent - Exponent; shift > 0 && remainder != 0; shift--)
        {
            remainder = remainder * 10 % m;
        }

        return remainder == 0;
    }

    // The double's shortest round-trip text, written to the stack and read back as digits and a power of ten.
    private static bool TryShortestDigits(double value, out long digits, out int exponent)
    {
        digits = 0;
        exponent = 0;
#if FLUXGEN_DOWNLEVEL
        // double.TryFormat came with netstandard2.1. .NET Framework's "R" round-trips but is not always the shortest
        // text, so a step check there may see a digit more than .NET Core does.
        ReadOnlySpan<char> text = value.ToString("R", CultureInfo.InvariantCulture).AsSpan();
        var length = text.Length;
#else
        Span<char> text = stackalloc char[32];
        if (!value.TryFormat(text, out var length, "R", CultureInfo.InvariantCulture))
        {
            return false;
        }
#endif

        var i = text[0] == '-' ? 1 : 0;
        var count = 0;
        var fraction = 0;
        var afterPoint = false;
        for (; i < length; i++)
        {
            var c = text[i];
            if (c >= '0' && c <= '9')
            {
                if (count == 18)
                {
                    return false;
                }

                digits = (digits * 10) + (c - '0');
                if (digits != 0)
                {
                    count++;
                }

                if (afterPoint)
                {
                    fraction++;
                }
            }
            else if (c == '.')
            {
                afterPoint = true;
            }
            else if (c == 'E' || c == 'e')
            {
                break;
            }
            else
            {
                return false;
            }
        }

        var power = 0;
        if (i < length)
        {
            i++;
            var negative = text[i] == '-';
            if (text[i] == '-' || text[i] == '+')
            {
                i++;
            }

            for (; i < length; i++)
            {
                power = (power * 10) + (text[i] - '0');
            }

            power = negative ? -power : power;
        }

        exponent = power - fraction;
        return digits != 0;
    }
}
