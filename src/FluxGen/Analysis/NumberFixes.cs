using System.Globalization;
using System.Numerics;
using Apiframe.Validation;
using Microsoft.CodeAnalysis;

namespace FluxGen.Analysis;

/// <summary>The valid numbers a code fix offers instead of a wrong one; computed only when a diagnostic is reported.</summary>
internal static class NumberFixes
{
    private static readonly SchemaNumber One = SchemaNumber.FromInt64(1);

    /// <summary>The allowed number nearest to <paramref name="value"/>: the bound it crossed, moved onto the step
    /// when there is one. Null when no such number exists or has no exact literal (an exclusive bound on a double
    /// with no step).</summary>
    public static SchemaNumber? Clamp(SchemaNumber value, MemberConstraints rules)
    {
        var step = Grid(rules);
        var lower = Max(Lower(rules.Minimum, step, strict: false), Lower(rules.ExclusiveMinimum, step, strict: true));
        var upper = Min(Upper(rules.Maximum, step, strict: false), Upper(rules.ExclusiveMaximum, step, strict: true));
        SchemaNumber? candidate = value;
        if (Below(value, rules))
        {
            candidate = lower;
        }
        else if (Above(value, rules))
        {
            candidate = upper;
        }

        return candidate is { } c && IsAllowed(c, rules) ? c : null;
    }

    /// <summary>The nearest multiple of the step (halves away from zero), clamped if that leaves the range.</summary>
    public static SchemaNumber? Snap(SchemaNumber value, MemberConstraints rules)
    {
        if (rules.Step is null)
        {
            return null;
        }

        var snapped = value.RoundToMultipleOf(rules.Step.Exact);
        return IsAllowed(snapped, rules) ? snapped : Clamp(snapped, rules);
    }

    /// <summary>C# source for the number as a literal of the member's type, or null if it has none.</summary>
    public static string? Literal(SchemaNumber number, MemberConstraints rules)
    {
        var text = number.ToString();
        switch (rules.Kind)
        {
            case ValueKind.Integer:
                if (!number.IsInteger || text.IndexOf('E') >= 0 || !FitsIntegral(BigInteger.Parse(text, CultureInfo.InvariantCulture), rules.NumericType))
                {
                    return null;
                }

                return text;
            case ValueKind.Real:
            case ValueKind.Single:
            case ValueKind.Decimal:
                if (text.IndexOf('.') < 0 && text.IndexOf('E') < 0)
                {
                    text += ".0";
                }

                return rules.Kind switch
                {
                    ValueKind.Single => text + "f",
                    ValueKind.Decimal => text + "m",
                    _ => text,
                };
            default:
                return null;
        }
    }

    public static bool Below(SchemaNumber value, MemberConstraints rules) =>
        (rules.Minimum is { } min && value < min.Exact) || (rules.ExclusiveMinimum is { } exMin && value <= exMin.Exact);

    public static bool Above(SchemaNumber value, MemberConstraints rules) =>
        (rules.Maximum is { } max && value > max.Exact) || (rules.ExclusiveMaximum is { } exMax && value >= exMax.Exact);

    private static bool IsAllowed(SchemaNumber value, MemberConstraints rules) =>
        !Below(value, rules) && !Above(value, rules)
        && (rules.Step is null || value.IsMultipleOf(rules.Step.Exact))
        && (!rules.IsIntegral || value.IsInteger);

    // The numbers a fix may land on: the step's multiples, or the integers for an integral member with no step.
    private static SchemaNumber? Grid(MemberConstraints rules) => rules.Step?.Exact ?? (rules.IsIntegral ? One : null);

    // The least grid number at or above (strict: above) the bound; without a grid, only an inclusive bound itself.
    private static SchemaNumber? Lower(Bound? bound, SchemaNumber? step, bool strict) => Nearest(bound, step, strict, upward: true);

    // The greatest grid number at or below (strict: below) the bound.
    private static SchemaNumber? Upper(Bound? bound, SchemaNumber? step, bool strict) => Nearest(bound, step, strict, upward: false);

    private static SchemaNumber? Nearest(Bound? bound, SchemaNumber? step, bool strict, bool upward)
    {
        if (bound is null)
        {
            return null;
        }

        if (step is not { } grid)
        {
            return strict ? null : bound.Exact;
        }

        var (a, b, exponent) = Align(bound.Exact, grid);
        var quotient = FloorDivide(a, b);
        var onGrid = quotient * b == a;
        var multiple = upward
            ? (onGrid && !strict ? quotient : quotient + 1)
            : (onGrid && strict ? quotient - 1 : quotient);
        return Make(multiple * b, exponent);
    }

    private static SchemaNumber? Max(SchemaNumber? x, SchemaNumber? y) => x is null ? y : y is null ? x : x.Value > y.Value ? x : y;

    private static SchemaNumber? Min(SchemaNumber? x, SchemaNumber? y) => x is null ? y : y is null ? x : x.Value < y.Value ? x : y;

    private static (BigInteger A, BigInteger B, int Exponent) Align(SchemaNumber x, SchemaNumber y)
    {
        var exponent = System.Math.Min(x.Exponent, y.Exponent);
        return (x.Mantissa * BigInteger.Pow(10, x.Exponent - exponent), y.Mantissa * BigInteger.Pow(10, y.Exponent - exponent), exponent);
    }

    private static BigInteger FloorDivide(BigInteger a, BigInteger b)
    {
        var quotient = BigInteger.DivRem(a, b, out var remainder);
        return remainder.Sign < 0 ? quotient - 1 : quotient;
    }

    private static SchemaNumber Make(BigInteger mantissa, int exponent) =>
        SchemaNumber.Parse(mantissa.ToString(CultureInfo.InvariantCulture) + "E" + exponent.ToString(CultureInfo.InvariantCulture));

    private static bool FitsIntegral(BigInteger value, SpecialType type) => type switch
    {
        SpecialType.System_SByte => value >= sbyte.MinValue && value <= sbyte.MaxValue,
        SpecialType.System_Byte => value >= byte.MinValue && value <= byte.MaxValue,
        SpecialType.System_Int16 => value >= short.MinValue && value <= short.MaxValue,
        SpecialType.System_UInt16 => value >= ushort.MinValue && value <= ushort.MaxValue,
        SpecialType.System_Int32 => value >= int.MinValue && value <= int.MaxValue,
        SpecialType.System_UInt32 => value >= uint.MinValue && value <= uint.MaxValue,
        SpecialType.System_Int64 => value >= long.MinValue && value <= long.MaxValue,
        SpecialType.System_UInt64 => value >= ulong.MinValue && value <= ulong.MaxValue,
        _ => false,
    };
}
