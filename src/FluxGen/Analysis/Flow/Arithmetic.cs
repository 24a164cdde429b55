using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace FluxGen.Analysis.Flow;

/// <summary>Folds one built-in operator over two known constants the way C# computes it at run time, or gives up
/// (overflow, division by zero, an operator or type it does not model), which makes the result unknown.</summary>
internal static class Arithmetic
{
    public static bool TryApply(BinaryOperatorKind kind, SpecialType type, object? left, object? right, out object? result)
    {
        result = null;
        if (left is null || right is null)
        {
            return false;
        }

        switch (type)
        {
            case SpecialType.System_String when kind == BinaryOperatorKind.Add && left is string or char && right is string or char:
                // Only text and chars: other operands are formatted with the run-time culture, which is not known here.
                result = left.ToString() + right.ToString();
                return true;
            case SpecialType.System_Int32:
            case SpecialType.System_Int64:
                if (!ConstantValues.TryGetBits(left, out var a) || !ConstantValues.TryGetBits(right, out var b) || left is ulong || right is ulong)
                {
                    return false;
                }

                if (!TryInteger(kind, a, b, out var whole)
                    || (type == SpecialType.System_Int32 && (whole < int.MinValue || whole > int.MaxValue)))
                {
                    return false;
                }

                result = type == SpecialType.System_Int32 ? (object)(int)whole : whole;
                return true;
            case SpecialType.System_Double:
                if (!TryDouble(left, out var x) || !TryDouble(right, out var y) || !TryReal(kind, x, y, out var real))
                {
                    return false;
                }

                result = real;
                return true;
            default:
                return false;
        }
    }

    public static bool TryNegate(SpecialType type, object? operand, out object? result)
    {
        result = type switch
        {
            SpecialType.System_Int32 when operand is int v && v != int.MinValue => -v,
            SpecialType.System_Int64 when ConstantValues.TryGetBits(operand, out var v) && operand is not ulong && v != long.MinValue => -v,
            SpecialType.System_Double when TryDouble(operand, out var v) => -v,
            _ => null,
        };
        return result is not null;
    }

    private static bool TryInteger(BinaryOperatorKind kind, long a, long b, out long result)
    {
        result = 0;
        try
        {
            result = kind switch
            {
                BinaryOperatorKind.Add => checked(a + b),
                BinaryOperatorKind.Subtract => checked(a - b),
                BinaryOperatorKind.Multiply => checked(a * b),
                BinaryOperatorKind.Divide when b != 0 => checked(a / b),
                BinaryOperatorKind.Remainder when b != 0 => a % b,
                _ => throw new OverflowException(),
            };
            return true;
        }
        catch (OverflowException)
        {
            return false;
        }
    }

    private static bool TryReal(BinaryOperatorKind kind, double a, double b, out double result)
    {
        result = kind switch
        {
            BinaryOperatorKind.Add => a + b,
            BinaryOperatorKind.Subtract => a - b,
            BinaryOperatorKind.Multiply => a * b,
            BinaryOperatorKind.Divide => a / b,
            _ => double.NaN,
        };
        return kind is BinaryOperatorKind.Add or BinaryOperatorKind.Subtract or BinaryOperatorKind.Multiply or BinaryOperatorKind.Divide;
    }

    // The operands the folded arithmetic takes: numbers of int, long and double kinds, never ulong, char or decimal.
    private static bool TryDouble(object? value, out double result)
    {
        if (value is not null and not ulong and not char and not decimal)
        {
            return ConstantValues.TryGetDouble(value, out result);
        }

        result = 0;
        return false;
    }
}
