using System.Collections.Generic;
using System.Linq;
using FluxGen.Schema.Model;

namespace FluxGen.Emit;

/// <summary>The constraint attributes the analyzers read; one list for a property and its constructor parameter.</summary>
internal static class Attributes
{
    public static IEnumerable<string> For(PropertySpec property)
    {
        var value = property.Value;
        yield return $"[{TypeNames.Constraints}SchemaProperty({Literals.String(property.JsonPath)})]";

        var bounds = new List<string>();
        AddBound(bounds, "Minimum", value.Minimum);
        AddBound(bounds, "Maximum", value.Maximum);
        AddBound(bounds, "ExclusiveMinimum", value.ExclusiveMinimum);
        AddBound(bounds, "ExclusiveMaximum", value.ExclusiveMaximum);
        if (bounds.Count > 0)
        {
            yield return $"[{TypeNames.Constraints}SchemaRange({string.Join(", ", bounds)})]";
        }

        if (value.MultipleOf is { } step)
        {
            yield return $"[{TypeNames.Constraints}SchemaMultipleOf({Literals.String(step)})]";
        }

        if (value.AllowedValues.Count > 0)
        {
            yield return $"[{TypeNames.Constraints}SchemaAllowedValues({string.Join(", ", value.AllowedValues.Select(Literals.String))})]";
        }

        if (value.MinLength is not null || value.MaxLength is not null)
        {
            var parts = new List<string>();
            if (value.MinLength is { } min)
            {
                parts.Add($"MinLength = {min}");
            }

            if (value.MaxLength is { } max)
            {
                parts.Add($"MaxLength = {max}");
            }

            yield return $"[{TypeNames.Constraints}SchemaLength({string.Join(", ", parts)})]";
        }

        if (value.MinItems is not null || value.MaxItems is not null)
        {
            var parts = new List<string>();
            if (value.MinItems is { } min)
            {
                parts.Add($"MinItems = {min}");
            }

            if (value.MaxItems is { } max)
            {
                parts.Add($"MaxItems = {max}");
            }

            yield return $"[{TypeNames.Constraints}SchemaItems({string.Join(", ", parts)})]";
        }

        if (value.Pattern is { } pattern)
        {
            yield return $"[{TypeNames.Constraints}SchemaPattern({Literals.String(pattern)})]";
        }

        if (value.Format is { } format)
        {
            yield return $"[{TypeNames.Constraints}SchemaFormat({Literals.String(format)})]";
        }
    }

    private static void AddBound(List<string> bounds, string name, string? text)
    {
        if (text is not null)
        {
            bounds.Add($"{name} = {Literals.String(text)}");
        }
    }
}
