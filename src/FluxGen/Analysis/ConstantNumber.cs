using System;
using Apiframe.Validation;

namespace FluxGen.Analysis;

/// <summary>
/// A constant as the number the request will carry. Integers and doubles are kept as machine numbers so that the
/// common checks need no allocation; only a comparison the machine numbers cannot settle builds the exact decimal.
/// </summary>
internal readonly struct ConstantNumber
{
    private static readonly double[] PowersOfTen =
    {
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    };

    private readonly long _integer;
    private readonly double _real;
    private readonly SchemaNumber _exact;

    private ConstantNumber(Representation representation, long integer, double real, SchemaNumber exact)
    {
        Kind = representation;
        _integer = integer;
        _real = real;
        _exact = exact;
    }

    private enum Representation
    {
        Integer,
        Real,
        Exact,
    }

    private Representation Kind { get; }

    public static ConstantNumber FromInt64(long value) => new(Representation.Integer, value, 0, default);

    public static ConstantNumber FromDouble(double value) => new(Representation.Real, 0, value, default);

    public static ConstantNumber FromExact(SchemaNumber value) => new(Representation.Exact, 0, 0, value);

    /// <summary>The exact decimal (for a double, its shortest round-trip text, which is what goes on the wire).</summary>
    public SchemaNumber ToExact() => Kind switch
    {
        Representation.Integer => SchemaNumber.FromInt64(_integer),
        Representation.Real => SchemaNumber.FromDouble(_real),
        _ => _exact,
    };

    public override string ToString() => ToExact().ToString();

    /// <summary>Compares with a bound exactly as decimals.</summary>
    public int CompareTo(Bound bound)
    {
        if (Kind == Representation.Integer && bound.IsInt64)
        {
            return _integer.CompareTo(bound.AsInt64);
        }

        if (Kind == Representation.Real)
        {
            // Rounding a decimal to the nearest double never reverses an order, so a strict difference between
            // the doubles is the same difference between the decimals; equal doubles need the exact texts.
            if (_real < bound.AsDouble)
            {
                return -1;
            }

            if (_real > bound.AsDouble)
            {
                return 1;
            }

            if (bound.DoubleIsExact)
            {
                return 0;
            }
        }

        return ToExact().CompareTo(bound.Exact);
    }

    /// <summary>Whether the number is an integer multiple of a positive step, exactly as decimals.</summary>
    public bool IsMultipleOf(Bound step)
    {
        if (Kind == Representation.Integer && step.IsInt64)
        {
            return _integer % step.AsInt64 == 0;
        }

        if (Kind == Representation.Real && TryRealIsMultipleOf(step, out var result))
        {
            return result;
        }

        return ToExact().IsMultipleOf(step.Exact);
    }

    // Decides, without allocating, whether the double's shortest text is a multiple of the step when every
    // number involved has at most 15 significant digits: a decimal that short is the shortest text of the double
    // nearest to it, and computing that double as (k·m) / 10^s is exact division of two exact doubles.
    private bool TryRealIsMultipleOf(Bound step, out bool result)
    {
        result = false;
        var value = _real;
        if (Math.Abs(value) >= 1e15)
        {
            return false;
        }

        if (step.IsInt64)
        {
            if (value != Math.Floor(value))
            {
                return true;
            }

            result = (long)value % step.AsInt64 == 0;
            return true;
        }

        var scale = step.Scale;
        if (scale <= 0 || scale >= PowersOfTen.Length || step.SmallMantissa <= 0)
        {
            return false;
        }

        var quotient = value / step.AsDouble;
        if (Math.Abs(quotient) >= 1e15)
        {
            return false;
        }

        var product = Math.Round(quotient) * step.SmallMantissa;
        if (Math.Abs(product) >= 1e15)
        {
            return false;
        }

        result = product / PowersOfTen[scale] == value;
        return true;
    }
}
