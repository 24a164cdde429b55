using System.Collections.Generic;
using FluxGen.Schema.Model;

namespace FluxGen.Emit;

/// <summary>XML documentation for generated members: the schema's description, then its rules in words.</summary>
internal static class Docs
{
    public static void Summary(CodeWriter writer, string? description, string fallback) =>
        writer.Line($"/// <summary>{Literals.Xml(string.IsNullOrWhiteSpace(description) ? fallback : description!)}</summary>");

    public static void Remarks(CodeWriter writer, string text) => writer.Line($"/// <remarks>{text}</remarks>");

    /// <summary>"JSON <c>output_quality</c>. From 0 to 100, in steps of 1. Default 90."</summary>
    public static string Rules(PropertySpec property)
    {
        var parts = new List<string> { $"JSON <c>{Literals.Xml(property.JsonName)}</c>" };
        if (property.IsRequired && property.Value.Const is null)
        {
            parts.Add("Required");
        }

        var value = property.Value;
        if (value.Const is { } constant)
        {
            parts.Add($"Always <c>{Literals.Xml(constant)}</c>");
        }

        AddValueRules(parts, value);
        if (value.Kind == ValueKind.Array)
        {
            if (value.MinItems is { } minItems && value.MaxItems is { } maxItems)
            {
                parts.Add($"{minItems} to {maxItems} items");
            }
            else if (value.MinItems is { } min)
            {
                parts.Add($"At least {min} item{(min == 1 ? string.Empty : "s")}");
            }
            else if (value.MaxItems is { } max)
            {
                parts.Add($"At most {max} items");
            }

            if (value.Items is { } items)
            {
                var itemParts = new List<string>();
                AddValueRules(itemParts, items);
                if (itemParts.Count > 0)
                {
                    parts.Add("Each item: " + string.Join("; ", itemParts).ToLowerInvariant());
                }
            }
        }

        if (value.Default is { } defaultText)
        {
            parts.Add($"Default <c>{Literals.Xml(defaultText)}</c>");
        }

        return string.Join(". ", parts) + ".";
    }

    private static void AddValueRules(List<string> parts, ValueSpec value)
    {
        var low = value.Minimum ?? value.ExclusiveMinimum;
        var high = value.Maximum ?? value.ExclusiveMaximum;
        var lowWord = value.Minimum is not null ? "from" : "above";
        var highWord = value.Maximum is not null ? "to" : "below";
        if (low is not null && high is not null)
        {
            parts.Add($"{Capital(lowWord)} {low} {highWord} {high}");
        }
        else if (low is not null)
        {
            parts.Add(value.Minimum is not null ? $"At least {low}" : $"Greater than {low}");
        }
        else if (high is not null)
        {
            parts.Add(value.Maximum is not null ? $"At most {high}" : $"Less than {high}");
        }

        if (value.MultipleOf is { } step)
        {
            parts.Add($"A multiple of {step}");
        }

        if (value.MinLength is { } minLength && value.MaxLength is { } maxLength)
        {
            parts.Add($"{minLength} to {maxLength} characters");
        }
        else if (value.MinLength is { } min)
        {
            parts.Add($"At least {min} character{(min == 1 ? string.Empty : "s")}");
        }
        else if (value.MaxLength is { } max)
        {
            parts.Add($"At most {max} characters");
        }

        if (value.Format == "uri")
        {
            parts.Add("An absolute http or https URI");
        }

        if (value.Kind == ValueKind.Enum || (value.Kind is ValueKind.Number or ValueKind.Integer && value.AllowedValues.Count > 0))
        {
            parts.Add("One of " + string.Join(", ", Quoted(value.AllowedValues)));
        }

        if (value.Pattern is { } pattern)
        {
            parts.Add($"Matches the pattern <c>{Literals.Xml(pattern)}</c>");
        }

        if (value.Format == "uuid")
        {
            parts.Add("A UUID");
        }

        if (value.Kind == ValueKind.Json)
        {
            parts.Add($"Raw JSON: FluxGen cannot type this member ({Literals.Xml(value.UntypedReason ?? "unsupported schema")}); its schema is <c>{Literals.Xml(value.SchemaText ?? "{}")}</c>");
        }
    }

    private static IEnumerable<string> Quoted(EquatableArray<string> values)
    {
        foreach (var value in values)
        {
            yield return $"<c>{Literals.Xml(value)}</c>";
        }
    }

    private static string Capital(string word) => char.ToUpperInvariant(word[0]) + word.Substring(1);
}
