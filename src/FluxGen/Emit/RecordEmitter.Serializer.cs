using FluxGen.Schema.Model;

namespace FluxGen.Emit;

internal static partial class RecordEmitter
{
    private static void WriteSerializer(CodeWriter writer, ObjectSpec type, string ns)
    {
        writer.Line("/// <summary>Writes this object as the exact JSON the API takes; unset optional members are left out.</summary>");
        writer.Line("/// <param name=\"writer\">The writer to write to.</param>");
        writer.Open($"public void WriteTo({TypeNames.Json}Utf8JsonWriter writer)");
        writer.Line("global::System.ArgumentNullException.ThrowIfNull(writer);");
        writer.Line("writer.WriteStartObject();");
        foreach (var property in type.Properties)
        {
            WriteMember(writer, property, ns);
        }

        writer.Line("writer.WriteEndObject();");
        writer.Close();
        writer.Line();

        writer.Line("/// <summary>This object as JSON text, exactly as <see cref=\"WriteTo\"/> writes it.</summary>");
        writer.Open("public string ToJson()");
        writer.Line("var writer = global::Apiframe.Serialization.ApiframeJsonWriterCache.Rent(out var buffer);");
        writer.Open("try");
        writer.Line("this.WriteTo(writer);");
        writer.Line("writer.Flush();");
        writer.Line("return global::System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);");
        writer.Close();
        writer.Open("finally");
        writer.Line("global::Apiframe.Serialization.ApiframeJsonWriterCache.Return(writer, buffer);");
        writer.Close();
        writer.Close();
        writer.Line();
    }

    private static void WriteMember(CodeWriter writer, PropertySpec property, string ns)
    {
        var field = TypeNames.Field(property);
        var value = property.Value;
        if (value.Const is { } constant)
        {
            writer.Line(value.Kind switch
            {
                ValueKind.String => $"writer.WriteString({field}, {Literals.String(constant)});",
                ValueKind.Boolean => $"writer.WriteBoolean({field}, {constant});",
                _ => $"writer.WriteNumber({field}, {(value.Kind == ValueKind.Number ? Numbers.Double(constant) : constant + "L")});",
            });
            return;
        }

        var local = TypeNames.Local(property);
        writer.Open($"if (this.{property.ClrName} is {{ }} {local})");
        switch (value.Kind)
        {
            case ValueKind.Object or ValueKind.Json:
                writer.Line($"writer.WritePropertyName({field});");
                writer.Line($"{local}.WriteTo(writer);");
                break;
            case ValueKind.Array:
                // An indexer loop: foreach over the list interface would box its enumerator on every call.
                writer.Line($"writer.WriteStartArray({field});");
                writer.Open($"for (var i = 0; i < {local}.Count; i++)");
                writer.Line(WriteItem(value.Items!, $"{local}[i]", ns, property.JsonPath + "[]"));
                writer.Close();
                writer.Line("writer.WriteEndArray();");
                break;
            default:
                writer.Line(WriteScalar(value, field, local, ns, property.JsonPath));
                break;
        }

        writer.Close();
        writer.Line();
    }

    private static string WriteScalar(ValueSpec value, string field, string local, string ns, string path) => value.Kind switch
    {
        ValueKind.String => $"writer.WriteString({field}, {TypeNames.Validation}SchemaText.RequireScalarValues({local}, {Literals.String(path)}));",
        ValueKind.Boolean => $"writer.WriteBoolean({field}, {local});",
        ValueKind.Enum => $"writer.WriteString({field}, global::{ns}.{value.TypeName}Extensions.ToWireValue({local}));",
        _ => $"writer.WriteNumber({field}, {local});",
    };

    private static string WriteItem(ValueSpec item, string local, string ns, string path) => item.Kind switch
    {
        ValueKind.Object or ValueKind.Json => $"{local}.WriteTo(writer);",
        ValueKind.String => $"writer.WriteStringValue({TypeNames.Validation}SchemaText.RequireScalarValues({local}, {Literals.String(path)}));",
        ValueKind.Boolean => $"writer.WriteBooleanValue({local});",
        ValueKind.Enum => $"writer.WriteStringValue(global::{ns}.{item.TypeName}Extensions.ToWireValue({local}));",
        _ => $"writer.WriteNumberValue({local});",
    };
}
