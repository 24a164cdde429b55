using FluxGen.Schema.Model;

namespace FluxGen.Emit;

internal static partial class RecordEmitter
{
    private static void WriteSerializer(CodeWriter writer, ObjectSpec type, string ns)
    {
        writer.Line("/// <summary>Writes this object as the exact JSON the API takes; unset optional members are left out.</summary>");
        writer.Line("/// <param name=\"writer\">The writer to write to.</param>");
        writer.Open($"public void WriteTo({TypeNames.Json}Utf8JsonWriter writer)");
        writer.Line("if (writer is null) throw new global::System.ArgumentNullException(nameof(writer));");
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
        writer.Line("return global::Apiframe.Serialization.ApiframeJsonWriterCache.Text(buffer);");
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

        var access = "this." + property.ClrName;
        if (FlatWrite(value, field, access, ns, property.JsonPath) is { } call)
        {
            writer.Line(call);
            return;
        }

        var local = TypeNames.Local(property);
        writer.Open($"if ({access} is {{ }} {local})");
        if (value.Kind == ValueKind.Array)
        {
            // An indexer loop: foreach over the list interface would box its enumerator on every call.
            writer.Line($"writer.WriteStartArray({field});");
            writer.Open($"for (var i = 0; i < {local}.Count; i++)");
            writer.Line(WriteItem(value.Items!, $"{local}[i]"));
            writer.Close();
            writer.Line("writer.WriteEndArray();");
        }
        else
        {
            writer.Line($"writer.WritePropertyName({field});");
            writer.Line($"{local}.WriteTo(writer);");
        }

        writer.Close();
        writer.Line();
    }

    /// <summary>The one call that writes a scalar member, or a list of strings or of enum values, through
    /// <c>ApiframeJsonMembers</c>; null for objects and other lists, which keep their block. Generic calls name their
    /// type argument: nothing is left to infer, and a required (non-nullable) enum converts to the parameter.</summary>
    private static string? FlatWrite(ValueSpec value, string field, string access, string ns, string path) => value.Kind switch
    {
        ValueKind.String => $"{Members}WriteString(writer, {field}, {access}, {Literals.String(path)});",
        ValueKind.Boolean => $"{Members}WriteBoolean(writer, {field}, {access});",
        ValueKind.Number => $"{Members}WriteDouble(writer, {field}, {access});",
        ValueKind.Integer => $"{Members}WriteInteger(writer, {field}, {access});",
        ValueKind.Enum => $"{Members}WriteEnum<{EnumType(value, ns)}>(writer, {field}, {access}, {EnumType(value, ns)}Extensions.ToWireValue);",
        ValueKind.Array when value.Items!.Kind == ValueKind.String => $"{Members}WriteStrings(writer, {field}, {access}, {Literals.String(path + "[]")});",
        ValueKind.Array when value.Items!.Kind == ValueKind.Enum =>
            $"{Members}WriteEnums<{EnumType(value.Items, ns)}>(writer, {field}, {access}, {EnumType(value.Items, ns)}Extensions.ToWireValue);",
        _ => null,
    };

    private const string Members = "global::Apiframe.Serialization.ApiframeJsonMembers.";

    private static string EnumType(ValueSpec value, string ns) => $"global::{ns}.{value.TypeName}";

    // Lists of strings and enum values are written by FlatWrite; these are the lists that keep their loop.
    private static string WriteItem(ValueSpec item, string local) => item.Kind switch
    {
        ValueKind.Object or ValueKind.Json => $"{local}.WriteTo(writer);",
        ValueKind.Boolean => $"writer.WriteBooleanValue({local});",
        _ => $"writer.WriteNumberValue({local});",
    };
}
