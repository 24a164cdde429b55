using System;
using System.Numerics;
using Apiframe.Validation;

namespace FluxGen.Analysis;

/// <summary>One numeric bound or step from an attribute: the schema's exact decimal plus the machine numbers that
/// let most checks finish without building a <see cref="SchemaNumber"/> (which allocates).</summary>
internal sealed class Bound
{
    private static readonly BigInteger MaxInt64 = long.MaxValue;
    private static readonly BigInteger MinInt64 = long.MinValue;

    private Bound(SchemaNumber exact)
    {
        Text = exact.ToString();
        Exact = exact;
        AsDouble = ToDouble(exact);

        // When the bound's own text is the shortest form of its double, a double equal to it is the same decimal.
        DoubleIsExact = !double.IsInfinity(AsDouble) && SchemaNumber.FromDouble(AsDouble) == exact;
        if (!exact.IsInteger && BigInteger.Abs(exact.Mantissa) < 1_000_000_000_000_000 && -exact.Exponent <= 22)
        {
            SmallMantissa = (double)exact.Mantissa;
            Scale = -exact.Exponent;
        }

        if (exact.IsInteger && exact.Exponent <= 18)
        {
            var whole = exact.Mantissa * BigInteger.Pow(10, exact.Exponent);
            if (whole >= MinInt64 && whole <= MaxInt64)
            {
                AsInt64 = (long)whole;
                IsInt64 = true;
            }
        }
    }

    /// <summary>The bound as the schema writes it, normalised (<c>"0.05"</c>, <c>"100"</c>).</summary>
    public string Text { get; }

    /// <summary>For a fractional number of at most 15 significant digits: its digits as an exact double and the
    /// number of decimal places (0.05 is 5 and 2); otherwise 0 and 0. Lets step checks stay in machine numbers.</summary>
    public double SmallMantissa { get; }

    /// <inheritdoc cref="SmallMantissa"/>
    public int Scale { get; }

    /// <summary>The exact decimal.</summary>
    public SchemaNumber Exact { get; }

    /// <summary>The nearest double (an infinity beyond double's range).</summary>
    public double AsDouble { get; }

    /// <summary>Whether <see cref="AsDouble"/>'s shortest text is this very decimal.</summary>
    public bool DoubleIsExact { get; }

    /// <summary>Whether the bound is an integer that fits <see cref="long"/>, held in <see cref="AsInt64"/>.</summary>
    public bool IsInt64 { get; }

    /// <inheritdoc cref="IsInt64"/>
    public long AsInt64 { get; }

    public static Bound? TryParse(string? text) =>
        text is not null && SchemaNumber.TryParse(text.Trim(), out var exact) ? new Bound(exact) : null;

    public override string ToString() => Text;

    // .NET Framework hosts (Visual Studio) throw where .NET gives an infinity for out-of-range text.
    private static double ToDouble(SchemaNumber exact)
    {
        try
        {
            return exact.ToDouble();
        }
        catch (OverflowException)
        {
            return exact.Mantissa.Sign < 0 ? double.NegativeInfinity : double.PositiveInfinity;
        }
    }
}
