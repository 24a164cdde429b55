using System.Linq;
using FluxGen.Schema.Model;

namespace FluxGen.Emit;

internal static partial class RecordEmitter
{
    private static void WriteValidation(CodeWriter writer, ObjectSpec type, string ns)
    {
        writer.Line("/// <summary>Checks this object against its schema and throws one exception listing every violation.</summary>");
        writer.Line($"/// <exception cref=\"{TypeNames.Validation}ApiframeValidationException\">The object breaks its schema.</exception>");
        writer.Open("public void Validate()");
        writer.Line($"var errors = {TypeNames.Validation}ValidationErrors.Rent();");
        writer.Line("this.CollectErrors(errors);");
        writer.Line("errors.ReturnOrThrow();");
        writer.Close();
        writer.Line();

        writer.Line("/// <summary>Adds every way this object breaks its schema to <paramref name=\"errors\"/>.</summary>");
        writer.Line("/// <param name=\"errors\">The collector shared by the whole request.</param>");
        writer.Line("[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]");
        writer.Open($"public void CollectErrors({TypeNames.Validation}ValidationErrors errors)");
        writer.Line("if (errors is null) throw new global::System.ArgumentNullException(nameof(errors));");
        foreach (var property in type.Properties.Where(p => p.Value.Const is null))
        {
            WriteChecks(writer, property, ns);
        }

        WriteDependencyChecks(writer, type, ns);

        writer.Close();
    }

    private static void WriteChecks(CodeWriter writer, PropertySpec property, string ns)
    {
        var path = Literals.String(property.JsonPath);
        var access = "this." + property.ClrName;
        var value = property.Value;
        if (property.IsRequired && TypeNames.IsReference(value))
        {
            writer.Line($"errors.Required({path}, {access});");
        }

        switch (value.Kind)
        {
            case ValueKind.Object:
                writer.Line($"{access}?.CollectErrors(errors);");
                break;
            case ValueKind.Array:
                writer.Line($"errors.Items({path}, {access}?.Count, {value.MinItems ?? -1}, {value.MaxItems ?? -1});");
                if (FlatItemChecks(value.Items!, path, access, ns) is { } call)
                {
                    writer.Line(call);
                }
                else if (HasChecks(value.Items!))
                {
                    var local = TypeNames.Local(property);
                    writer.Open($"if ({access} is {{ }} {local})");
                    writer.Open($"for (var i = 0; i < {local}.Count; i++)");
                    WriteValueChecks(writer, value.Items!, $"{Literals.String(property.JsonPath + "[")} + i.ToString(global::System.Globalization.CultureInfo.InvariantCulture) + \"]\"", $"{local}[i]", ns, TypeNames.PatternField(property));
                    writer.Close();
                    writer.Close();
                    writer.Line();
                }

                break;
            default:
                WriteValueChecks(writer, value, path, access, ns, TypeNames.PatternField(property));
                break;
        }
    }

    /// <summary>One call that checks every item of a list of enum values or of plain or URI strings (the lists most
    /// models have); null for items with other checks, which keep their loop.</summary>
    private static string? FlatItemChecks(ValueSpec items, string path, string access, string ns) => items.Kind switch
    {
        ValueKind.Enum => $"errors.EnumItems<{EnumType(items, ns)}>({path}, {access}, {EnumType(items, ns)}Extensions.IsDefined, {AllowedText(items)});",
        ValueKind.String when items.MinLength is null && items.MaxLength is null && items.Pattern is null && items.Format != "uuid" =>
            items.Format == "uri" ? $"errors.UriItems({path}, {access});" : $"errors.ScalarValueItems({path}, {access});",
        _ => null,
    };

    private static string AllowedText(ValueSpec value) => Literals.String(string.Join(", ", value.AllowedValues));

    private static bool HasChecks(ValueSpec value) =>
        value.Kind is ValueKind.Enum or ValueKind.String || value.Minimum is not null || value.Maximum is not null || value.ExclusiveMinimum is not null
        || value.ExclusiveMaximum is not null || value.MultipleOf is not null || value.MinLength is not null || value.MaxLength is not null
        || value.Format is not null || value.Pattern is not null || value.AllowedValues.Count > 0 || value.Kind == ValueKind.Object;

    private static void WriteValueChecks(CodeWriter writer, ValueSpec value, string path, string access, string ns, string patternField)
    {
        string Text(string? bound) => bound is null ? "null" : Literals.String(bound);
        switch (value.Kind)
        {
            case ValueKind.String:
                if (value.MinLength is not null || value.MaxLength is not null)
                {
                    writer.Line($"errors.Length({path}, {access}, {value.MinLength ?? -1}, {value.MaxLength ?? -1});");
                }

                if (value.Format == "uri")
                {
                    writer.Line($"errors.Uri({path}, {access});");
                }

                if (value.MinLength is null && value.MaxLength is null && value.Format != "uri")
                {
                    // The length and URI checks refuse lone surrogates themselves; any other string needs its own check.
                    writer.Line($"errors.ScalarValues({path}, {access});");
                }

                WriteKeywordChecks(writer, value, path, access, patternField);
                break;
            case ValueKind.Number or ValueKind.Integer:
                if (value.Minimum is not null || value.Maximum is not null || value.ExclusiveMinimum is not null || value.ExclusiveMaximum is not null || value.Kind == ValueKind.Number)
                {
                    // Numbers are range-checked even without bounds: NaN and infinities have no JSON form.
                    writer.Line($"errors.Range({path}, {access}, {Text(value.Minimum)}, {Text(value.Maximum)}, {Text(value.ExclusiveMinimum)}, {Text(value.ExclusiveMaximum)});");
                }

                if (value.MultipleOf is { } step && !(value.Kind == ValueKind.Integer && step == "1"))
                {
                    writer.Line($"errors.MultipleOf({path}, {access}, {Literals.Quote(step)});");
                }

                WriteKeywordChecks(writer, value, path, access, patternField);
                break;
            case ValueKind.Object:
                writer.Line($"{access}?.CollectErrors(errors);");
                break;
            case ValueKind.Enum:
                // Generic, so a valid value is never boxed; the type argument is named, so a required member converts.
                writer.Line($"errors.Enum<{EnumType(value, ns)}>({path}, {access}, {EnumType(value, ns)}Extensions.IsDefined, {AllowedText(value)});");
                break;
        }
    }
}
