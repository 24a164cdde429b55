using System.Globalization;
using Apiframe.Validation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace FluxGen.Analysis;

/// <summary>Finds the compile-time constant an operation stores into a member, after conversion.</summary>
internal static class ConstantValues
{
    /// <summary>The folded constant (never <see langword="null"/>) of a value, looking through a conversion to a
    /// nullable type, which the compiler does not fold (<c>int? q = 101</c> has no constant, its operand has).</summary>
    public static bool TryGet(IOperation value, out object constant)
    {
        while (true)
        {
            var folded = value.ConstantValue;
            if (folded.HasValue)
            {
                constant = folded.Value!;
                return constant is not null;
            }

            // Kind and SpecialType first: interface type tests are the dearest thing on this path.
            if (value.Kind == OperationKind.Conversion && value.Type?.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T)
            {
                value = ((IConversionOperation)value).Operand;
                continue;
            }

            constant = null!;
            return false;
        }
    }

    /// <summary>An integral constant (an enum's underlying value included) as 64 bits, for enum comparisons.</summary>
    public static bool TryGetBits(object? constant, out long bits)
    {
        switch (constant)
        {
            case int v: bits = v; return true;
            case long v: bits = v; return true;
            case byte v: bits = v; return true;
            case sbyte v: bits = v; return true;
            case short v: bits = v; return true;
            case ushort v: bits = v; return true;
            case uint v: bits = v; return true;
            case ulong v: bits = unchecked((long)v); return true;
            case char v: bits = v; return true;
            default: bits = 0; return false;
        }
    }

    /// <summary>Converts a constant to the number a member of <paramref name="target"/> type holds, as C# would
    /// convert it; false for values JSON cannot carry (NaN, infinities) and for non-numbers.</summary>
    public static bool TryGetNumber(object constant, SpecialType target, out ConstantNumber number)
    {
        number = default;
        switch (target)
        {
            case SpecialType.System_Double:
                if (!TryGetDouble(constant, out var real) || double.IsNaN(real) || double.IsInfinity(real))
                {
                    return false;
                }

                number = ConstantNumber.FromDouble(real);
                return true;
            case SpecialType.System_Single:
                if (!TryGetDouble(constant, out var wide))
                {
                    return false;
                }

                var single = (float)wide;
                if (float.IsNaN(single) || float.IsInfinity(single))
                {
                    return false;
                }

                // A float goes on the wire as its own shortest text, not the double it widens to.
                number = ConstantNumber.FromExact(SchemaNumber.Parse(single.ToString("R", CultureInfo.InvariantCulture)));
                return true;
            case SpecialType.System_Decimal:
                if (constant is decimal exact)
                {
                    number = ConstantNumber.FromExact(SchemaNumber.Parse(exact.ToString(CultureInfo.InvariantCulture)));
                    return true;
                }

                if (TryGetBits(constant, out var whole) && constant is not ulong)
                {
                    number = ConstantNumber.FromInt64(whole);
                    return true;
                }

                return false;
            default:
                if (constant is ulong big && big > long.MaxValue)
                {
                    number = ConstantNumber.FromExact(SchemaNumber.Parse(big.ToString(CultureInfo.InvariantCulture)));
                    return true;
                }

                if (TryGetBits(constant, out var integer))
                {
                    number = ConstantNumber.FromInt64(integer);
                    return true;
                }

                return false;
        }
    }

    /// <summary>Whether a constant stored into a double (or, with <paramref name="single"/>, a float) member is
    /// NaN or infinite there; <paramref name="shown"/> is how the message shows it.</summary>
    public static bool IsNonFinite(object constant, bool single, out string shown)
    {
        shown = string.Empty;
        if (!TryGetDouble(constant, out var value))
        {
            return false;
        }

        if (single)
        {
            value = (float)value;
        }

        if (!double.IsNaN(value) && !double.IsInfinity(value))
        {
            return false;
        }

        shown = double.IsNaN(value) ? "NaN" : value > 0 ? "+Infinity" : "-Infinity";
        return true;
    }

    internal static bool TryGetDouble(object constant, out double value)
    {
        switch (constant)
        {
            case double v: value = v; return true;
            case float v: value = v; return true;
            case ulong v: value = v; return true;
            case decimal v: value = (double)v; return true;
            default:
                if (TryGetBits(constant, out var bits))
                {
                    value = bits;
                    return true;
                }

                value = 0;
                return false;
        }
    }
}
