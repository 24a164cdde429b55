using System.Linq;
using Apiframe.Validation;
using FluxGen.Schema.Json;
using FluxGen.Schema.Model;

namespace FluxGen.Schema;

internal sealed partial class SchemaReader
{
    private ValueSpec? ReadScalar(JsonObject schema, string path, ValueKind kind)
    {
        // A form's file (format: binary) is an ApiframeFile: what the client uploads as one part of the body.
        if (kind is ValueKind.String && _operation is { Kind: OperationKind.FormCall } && schema.Find("format")?.Value is JsonString { Value: "binary" })
        {
            return EmptyValue(ValueKind.File);
        }

        var spec = EmptyValue(kind);
        if (kind is ValueKind.Number or ValueKind.Integer)
        {
            var integer = kind == ValueKind.Integer;
            if (schema.Find("enum") is { } numericEnum)
            {
                if (ReadNumericEnum(numericEnum.Value, integer) is not { } allowed)
                {
                    return null;
                }

                spec = spec with { AllowedValues = allowed };
            }

            spec = spec with
            {
                Minimum = ReadBound(schema, "minimum", integer),
                Maximum = ReadBound(schema, "maximum", integer),
                ExclusiveMinimum = ReadBound(schema, "exclusiveMinimum", integer),
                ExclusiveMaximum = ReadBound(schema, "exclusiveMaximum", integer),
                MultipleOf = ReadBound(schema, "multipleOf", integer),
            };

            if (spec.MultipleOf is { } step && SchemaNumber.Parse(step) <= SchemaNumber.FromInt64(0))
            {
                Report(Descriptors.InvalidKeywordValue, schema.Find("multipleOf")!.Value, "multipleOf", $"is {step}, but a step must be greater than 0");
            }

            CheckNumericBounds(schema, path, spec);
            if (integer)
            {
                spec = spec with { FitsInt32 = FitsInt32(spec) || (_operation is not null && ChoicesFitInt32(spec)) };
            }
        }

        if (kind is ValueKind.String)
        {
            spec = spec with { MinLength = ReadCount(schema, "minLength"), MaxLength = ReadCount(schema, "maxLength"), Format = ReadFormat(schema, path), Pattern = ReadPattern(schema) };
            if (spec.MinLength > spec.MaxLength)
            {
                Report(Descriptors.ContradictoryBounds, schema.Find("minLength")!.Value, path, $"minLength {spec.MinLength} is above maxLength {spec.MaxLength}");
            }
        }

        if (schema.Find("const") is { } constMember)
        {
            spec = spec with { Const = ReadConst(constMember.Value, kind) };
        }

        return spec;
    }

    private string? ReadBound(JsonObject schema, string keyword, bool integer)
    {
        if (schema.Find(keyword) is not { } member)
        {
            return null;
        }

        if (member.Value is not JsonNumber number)
        {
            Report(Descriptors.WrongKeywordType, member.Value, keyword, "a number", member.Value.Kind);
            return null;
        }

        if (!SchemaNumber.TryParse(number.Text, out var value) || value > DoubleMax || value < -DoubleMax)
        {
            Report(Descriptors.NumberOutOfRange, member.Value, keyword, number.Text, "is beyond the range of a double");
            return null;
        }

        if (integer && keyword != "multipleOf" && (value > LongMax || value < LongMin))
        {
            Report(Descriptors.NumberOutOfRange, member.Value, keyword, number.Text, "does not fit the 64-bit integer an 'integer' member is");
            return null;
        }

        return value.ToString();
    }

    private int? ReadCount(JsonObject schema, string keyword)
    {
        if (schema.Find(keyword) is not { } member)
        {
            return null;
        }

        if (member.Value is not JsonNumber number)
        {
            Report(Descriptors.WrongKeywordType, member.Value, keyword, "a non-negative integer", member.Value.Kind);
            return null;
        }

        if (!SchemaNumber.TryParse(number.Text, out var value) || !value.IsInteger || value.Mantissa.Sign < 0)
        {
            Report(Descriptors.InvalidKeywordValue, member.Value, keyword, $"is {number.Text}, but it must be a non-negative integer");
            return null;
        }

        if (value > IntMax)
        {
            Report(Descriptors.NumberOutOfRange, member.Value, keyword, number.Text, $"is above {int.MaxValue}");
            return null;
        }

        return int.Parse(value.ToString(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private string? ReadFormat(JsonObject schema, string path)
    {
        if (schema.Find("format") is not { } member)
        {
            return null;
        }

        if (member.Value is not JsonString format)
        {
            Report(Descriptors.WrongKeywordType, member.Value, "format", "a string", member.Value.Kind);
            return null;
        }

        if (format.Value is not ("uri" or "uuid"))
        {
            Report(Descriptors.UnsupportedFormat, member.Value, format.Value, path);
            return null;
        }

        return format.Value;
    }

    private string? ReadConst(JsonNode node, ValueKind kind)
    {
        switch (kind)
        {
            case ValueKind.String when node is JsonString text:
                return text.Value;
            case ValueKind.Boolean when node is JsonBoolean flag:
                return flag.Value ? "true" : "false";
            case ValueKind.Number or ValueKind.Integer when node is JsonNumber number && SchemaNumber.TryParse(number.Text, out var value) && value <= DoubleMax && value >= -DoubleMax:
                if (kind == ValueKind.Integer && (!value.IsInteger || value > LongMax || value < LongMin))
                {
                    Report(Descriptors.InvalidKeywordValue, node, "const", $"is {number.Text}, which is not a 64-bit integer");
                    return null;
                }

                return value.ToString();
            default:
                Report(Descriptors.WrongKeywordType, node, "const", "a value of the member's own type (" + KindName(kind) + ")", node.Kind);
                return null;
        }
    }

    private void CheckNumericBounds(JsonObject schema, string path, ValueSpec spec)
    {
        var low = spec.Minimum ?? spec.ExclusiveMinimum;
        var high = spec.Maximum ?? spec.ExclusiveMaximum;
        if (low is null || high is null)
        {
            return;
        }

        var lowValue = SchemaNumber.Parse(low);
        var highValue = SchemaNumber.Parse(high);
        var exclusive = spec.Minimum is null || spec.Maximum is null;
        if (lowValue > highValue || (exclusive && lowValue == highValue))
        {
            var lowName = spec.Minimum is null ? "exclusiveMinimum" : "minimum";
            var highName = spec.Maximum is null ? "exclusiveMaximum" : "maximum";
            Report(Descriptors.ContradictoryBounds, schema.Find(lowName)!.Value, path, $"{lowName} {low} is above {highName} {high}, so no value is allowed");
        }
    }

    /// <summary>Whether an integer member is one of a few listed values (an action's <c>index</c>: 1–4), all of which fit
    /// in <see cref="int"/>.</summary>
    private static bool ChoicesFitInt32(ValueSpec spec) =>
        spec.AllowedValues.Count > 0 && spec.AllowedValues.All(v => SchemaNumber.Parse(v) >= IntMin && SchemaNumber.Parse(v) <= IntMax);

    private static bool FitsInt32(ValueSpec spec)
    {
        var low = spec.Minimum ?? spec.ExclusiveMinimum;
        var high = spec.Maximum ?? spec.ExclusiveMaximum;
        return low is not null && high is not null
            && SchemaNumber.Parse(low) >= IntMin && SchemaNumber.Parse(high) <= IntMax;
    }
}
