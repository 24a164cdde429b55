using System.Text;
using FluxGen.Schema.Model;

namespace FluxGen.Emit;

/// <summary>XML documentation for generated members: the schema's description, then its rules in words.</summary>
internal static class Docs
{
    public static void Summary(CodeWriter writer, string? description, string fallback) =>
        writer.Line($"/// <summary>{Literals.Xml(string.IsNullOrWhiteSpace(description) ? fallback : description!)}</summary>");

    /// <summary>A member's summary: its description, else "The <c>name</c> member." without building the fallback
    /// (most of a document's members have no description).</summary>
    public static void MemberSummary(CodeWriter writer, PropertySpec property)
    {
        if (string.IsNullOrWhiteSpace(property.Description) && Literals.IsPlain(property.JsonName))
        {
            writer.Line($"/// <summary>The {property.JsonName} member.</summary>");
            return;
        }

        Summary(writer, property.Description, $"The {property.JsonName} member.");
    }

    public static void Remarks(CodeWriter writer, string text) => writer.Line($"/// <remarks>{text}</remarks>");

    /// <summary>Writes "JSON <c>output_quality</c>. From 0 to 100, in steps of 1. Default 90." into the open line.</summary>
    public static void AppendRules(StringBuilder text, PropertySpec property)
    {
        var parts = new Parts(text, ". ");
        parts.Next().Append("JSON <c>").Append(Literals.Xml(property.JsonName)).Append("</c>");
        if (property.IsRequired && property.Value.Const is null)
        {
            parts.Next().Append("Required");
        }

        var value = property.Value;
        if (value.Const is { } constant)
        {
            parts.Next().Append("Always <c>").Append(Literals.Xml(constant)).Append("</c>");
        }

        AppendValueRules(ref parts, value);
        if (value.Kind == ValueKind.Array)
        {
            if (value.MinItems is { } minItems && value.MaxItems is { } maxItems)
            {
                parts.Next().Append(minItems).Append(" to ").Append(maxItems).Append(" items");
            }
            else if (value.MinItems is { } min)
            {
                parts.Next().Append("At least ").Append(min).Append(min == 1 ? " item" : " items");
            }
            else if (value.MaxItems is { } max)
            {
                parts.Next().Append("At most ").Append(max).Append(" items");
            }

            if (value.Items is { } items)
            {
                // Arrays are few: their item rules are built apart, as they are written in lower case.
                var itemText = new StringBuilder();
                var itemParts = new Parts(itemText, "; ");
                AppendValueRules(ref itemParts, items);
                if (itemText.Length > 0)
                {
                    parts.Next().Append("Each item: ").Append(itemText.ToString().ToLowerInvariant());
                }
            }
        }

        if (value.Default is { } defaultText)
        {
            parts.Next().Append("Default <c>").Append(Literals.Xml(defaultText)).Append("</c>");
        }

        text.Append('.');
    }

    private static void AppendValueRules(ref Parts parts, ValueSpec value)
    {
        var low = value.Minimum ?? value.ExclusiveMinimum;
        var high = value.Maximum ?? value.ExclusiveMaximum;
        if (low is not null && high is not null)
        {
            parts.Next().Append(value.Minimum is not null ? "From " : "Above ").Append(low)
                .Append(value.Maximum is not null ? " to " : " below ").Append(high);
        }
        else if (low is not null)
        {
            parts.Next().Append(value.Minimum is not null ? "At least " : "Greater than ").Append(low);
        }
        else if (high is not null)
        {
            parts.Next().Append(value.Maximum is not null ? "At most " : "Less than ").Append(high);
        }

        if (value.MultipleOf is { } step)
        {
            parts.Next().Append("A multiple of ").Append(step);
        }

        if (value.MinLength is { } minLength && value.MaxLength is { } maxLength)
        {
            parts.Next().Append(minLength).Append(" to ").Append(maxLength).Append(" characters");
        }
        else if (value.MinLength is { } min)
        {
            parts.Next().Append("At least ").Append(min).Append(min == 1 ? " character" : " characters");
        }
        else if (value.MaxLength is { } max)
        {
            parts.Next().Append("At most ").Append(max).Append(" characters");
        }

        if (value.Format == "uri")
        {
            parts.Next().Append("An absolute http or https URI");
        }

        if (value.Kind == ValueKind.Enum || (value.Kind is ValueKind.Number or ValueKind.Integer && value.AllowedValues.Count > 0))
        {
            var text = parts.Next().Append("One of ");
            for (var i = 0; i < value.AllowedValues.Count; i++)
            {
                text.Append(i == 0 ? "<c>" : ", <c>").Append(Literals.Xml(value.AllowedValues[i])).Append("</c>");
            }
        }

        if (value.Pattern is { } pattern)
        {
            parts.Next().Append("Matches the pattern <c>").Append(Literals.Xml(pattern)).Append("</c>");
        }

        if (value.Format == "uuid")
        {
            parts.Next().Append("A UUID");
        }

        if (value.Kind == ValueKind.Json)
        {
            parts.Next().Append("Raw JSON: FluxGen cannot type this member (").Append(Literals.Xml(value.UntypedReason ?? "unsupported schema"))
                .Append("); its schema is <c>").Append(Literals.Xml(value.SchemaText ?? "{}")).Append("</c>");
        }
    }

    /// <summary>Sentences (or clauses) written one after another with a separator between them.</summary>
    private struct Parts
    {
        private readonly StringBuilder _text;
        private readonly string _separator;
        private bool _any;

        public Parts(StringBuilder text, string separator)
        {
            _text = text;
            _separator = separator;
            _any = false;
        }

        public StringBuilder Next()
        {
            if (_any)
            {
                _text.Append(_separator);
            }

            _any = true;
            return _text;
        }
    }
}
