using FluxGen.Schema;
using FluxGen.Schema.Model;

namespace FluxGen.Emit;

/// <summary>How a schema value is spelled in generated C#.</summary>
internal static class TypeNames
{
    public const string Constraints = "global::Apiframe.Constraints.";
    public const string Validation = "global::Apiframe.Validation.";
    public const string Json = "global::System.Text.Json.";

    public static string Of(ValueSpec value, string ns, bool nullable)
    {
        var core = value.Kind switch
        {
            ValueKind.String => "string",
            ValueKind.Number => "double",
            ValueKind.Integer => value.FitsInt32 ? "int" : "long",
            ValueKind.Boolean => "bool",
            ValueKind.Enum or ValueKind.Object => $"global::{ns}.{value.TypeName}",
            ValueKind.Array => $"global::System.Collections.Generic.IReadOnlyList<{Of(value.Items!, ns, nullable: false)}>",
            ValueKind.Json => Json + "JsonElement",
            _ => "object",
        };
        return nullable ? core + "?" : core;
    }

    /// <summary>Whether the C# type is a reference type, so a required member must still be checked for null.</summary>
    public static bool IsReference(ValueSpec value) => value.Kind is ValueKind.String or ValueKind.Object or ValueKind.Array;

    public static string Local(PropertySpec property) => char.ToLowerInvariant(property.ClrName[0]) + property.ClrName.Substring(1) + "Value";

    public static string Field(PropertySpec property) => "s_" + char.ToLowerInvariant(property.ClrName[0]) + property.ClrName.Substring(1);

    /// <summary>The static regex field of a member with a <c>pattern</c> (on itself or on its items).</summary>
    public static string PatternField(PropertySpec property) => Field(property) + "Pattern";

    public static string Parameter(PropertySpec property) => Naming.Camel(property.ClrName);

    public static string HintName(string prefix, string typeName) =>
        typeName.StartsWith(prefix, System.StringComparison.Ordinal) && typeName.Length > prefix.Length
            ? $"{prefix}.{typeName.Substring(prefix.Length)}.g.cs"
            : $"{prefix}.{typeName}.g.cs";
}
