using System.Linq;
using Apiframe.Validation;
using FluxGen.Schema.Json;
using FluxGen.Schema.Model;

namespace FluxGen.Schema;

internal sealed partial class SchemaReader
{
    /// <summary>Checks a default against the member's own schema and returns its text for the docs.</summary>
    private string? CheckDefault(ValueSpec spec, JsonNode value, string path)
    {
        var problem = Violation(spec, value);
        if (problem is not null)
        {
            Report(Descriptors.DefaultBreaksSchema, value, path, Describe(value), problem);
            return null;
        }

        return Describe(value);
    }

    /// <summary>Why a JSON value breaks a member's schema, or null when it does not.</summary>
    private static string? Violation(ValueSpec spec, JsonNode value)
    {
        switch (spec.Kind)
        {
            case ValueKind.Boolean:
                return value is JsonBoolean ? null : "it is not a boolean";
            case ValueKind.Object:
                return value is JsonObject ? null : "it is not an object";
            case ValueKind.String or ValueKind.Enum:
                if (value is not JsonString text)
                {
                    return "it is not a string";
                }

                if (spec.AllowedValues.Count > 0 && !spec.AllowedValues.Contains(text.Value))
                {
                    return "it is not one of " + string.Join(", ", spec.AllowedValues);
                }

                var length = SchemaText.CodePoints(text.Value);
                if (spec.MinLength is { } min && length < min)
                {
                    return $"it is shorter than minLength {min}";
                }

                if (spec.MaxLength is { } max && length > max)
                {
                    return $"it is longer than maxLength {max}";
                }

                return spec.Format == "uri" && !SchemaText.IsHttpUri(text.Value) ? "it is not an absolute http or https URI" : null;
            case ValueKind.Number or ValueKind.Integer:
                if (value is not JsonNumber number || !SchemaNumber.TryParse(number.Text, out var n))
                {
                    return "it is not a number";
                }

                if (spec.Kind == ValueKind.Integer && !n.IsInteger)
                {
                    return "it is not an integer";
                }

                return NumericViolation(spec, n);
            case ValueKind.Array:
                if (value is not JsonArray array)
                {
                    return "it is not an array";
                }

                if (spec.MinItems is { } minItems && array.Items.Count < minItems)
                {
                    return $"it has fewer than minItems {minItems} items";
                }

                if (spec.MaxItems is { } maxItems && array.Items.Count > maxItems)
                {
                    return $"it has more than maxItems {maxItems} items";
                }

                return spec.Items is null ? null : array.Items.Select(item => Violation(spec.Items, item)).FirstOrDefault(p => p is not null);
            default:
                return null;
        }
    }

    private static string? NumericViolation(ValueSpec spec, SchemaNumber n)
    {
        if (spec.Minimum is { } min && n < SchemaNumber.Parse(min))
        {
            return $"it is below the minimum {min}";
        }

        if (spec.Maximum is { } max && n > SchemaNumber.Parse(max))
        {
            return $"it is above the maximum {max}";
        }

        if (spec.ExclusiveMinimum is { } exMin && n <= SchemaNumber.Parse(exMin))
        {
            return $"it is not above the exclusiveMinimum {exMin}";
        }

        if (spec.ExclusiveMaximum is { } exMax && n >= SchemaNumber.Parse(exMax))
        {
            return $"it is not below the exclusiveMaximum {exMax}";
        }

        return spec.MultipleOf is { } step && SchemaNumber.Parse(step).Mantissa.Sign > 0 && !n.IsMultipleOf(SchemaNumber.Parse(step))
            ? $"it is not a multiple of {step}"
            : null;
    }

    private static string Describe(JsonNode value) => value switch
    {
        JsonString text => "\"" + text.Value + "\"",
        JsonNumber number => number.Text,
        JsonBoolean flag => flag.Value ? "true" : "false",
        JsonNull => "null",
        JsonArray array => "[" + string.Join(", ", array.Items.Select(Describe)) + "]",
        _ => "{...}",
    };
}
