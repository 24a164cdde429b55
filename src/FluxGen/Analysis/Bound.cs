using System;
using System.Numerics;
using Apiframe.Validation;

namespace FluxGen.Analysis;

/// <summary>One numeric bound or step from an attribute: the schema's exact decimal plus the machine numbers that
/// let most checks finish without building a <see cref="SchemaNumber"/> (which allocates).</summary>
internal sealed class Bound
{
    private Bound(SchemaNumber exact)
    {
        Text = exact.ToString();
        Exact = exact;
        AsDouble = exact.ToDouble();
        // When the bound's own text is the shortest form of its double, a double equal to it is the same decimal.
        DoubleIsExact = !double.IsInfinity(AsDouble) && SchemaNumber.FromDouble(AsDouble) == exact;
        if (!exact.IsInteger && BigInteger.Abs(exact.Mantissa) < 1_000_000_000_000_000 && -exact.Exponent <= 22)
        {
            SmallMantissa = (double)exact.Mantissa;
            Scale = -exact.Exponent;
        }

        if (exact.IsInteger && exact.Exponent <= 18 && exact.Mantissa >= long.MinValue && exact.Mantissa <= long.MaxValue)
        {
            try
            {
                AsInt64 = checked((long)exact.Mantissa * Pow10Int64(exact.Exponent));
                IsInt64 = true;
            }
            catch (OverflowException)
            {
            }
        }

    }

    public string Text { get; }

    /// <summary>For a fractional number of at most 15 significant digits: its digits as an exact double and the
    /// number of decimal places (0.05 is 5 and 2); otherwise 0 and 0. Lets step checks stay in machine numbers.</summary>
    public double SmallMantissa { get; }

    /// <inheritdoc cref="SmallMantissa"/>
    public int Scale { get; }

    public SchemaNumber Exact { get; }

    public double AsDouble { get; }

    public bool DoubleIsExact { get; }

    public bool IsInt64 { get; }

    public long AsInt64 { get; }

    public static Bound? TryParse(string? text) =>
        text is not null && SchemaNumber.TryParse(text.Trim(), out var exact) ? new Bound(exact) : null;

    public static Bound FromNumber(SchemaNumber exact) => new(exact);

    public override string ToString() => Text;

    private static long Pow10Int64(int exponent)
    {
        var result = 1L;
        for (var i = 0; i < exponent; i++)
        {
            result = checked(result * 10);
        }

        return result;
    }
}
