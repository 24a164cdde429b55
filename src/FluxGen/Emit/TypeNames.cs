using FluxGen.Schema;
using FluxGen.Schema.Model;

namespace FluxGen.Emit;

/// <summary>How a schema value is spelled in generated C#.</summary>
internal static class TypeNames
{
    public const string Constraints = "global::Apiframe.Constraints.";
    public const string Validation = "global::Apiframe.Validation.";
    public const string Json = "global::System.Text.Json.";

    // Spelled once per emitter thread: a document's models ask for the same few spellings thousands of times.
    [System.ThreadStatic]
    private static System.Collections.Generic.Dictionary<string, string>? t_fields;

    [System.ThreadStatic]
    private static System.Collections.Generic.Dictionary<string, string>? t_locals;

    public static string Of(ValueSpec value, string ns, bool nullable) => value.Kind switch
    {
        ValueKind.String => nullable ? "string?" : "string",
        ValueKind.Number => nullable ? "double?" : "double",
        ValueKind.Integer => value.FitsInt32 ? (nullable ? "int?" : "int") : (nullable ? "long?" : "long"),
        ValueKind.Boolean => nullable ? "bool?" : "bool",
        ValueKind.Enum or ValueKind.Object => nullable ? $"global::{ns}.{value.TypeName}?" : $"global::{ns}.{value.TypeName}",
        ValueKind.Array => $"global::System.Collections.Generic.IReadOnlyList<{Of(value.Items!, ns, nullable: false)}>{(nullable ? "?" : string.Empty)}",
        ValueKind.Json => nullable ? Json + "JsonElement?" : Json + "JsonElement",
        ValueKind.File => nullable ? "global::Apiframe.ApiframeFile?" : "global::Apiframe.ApiframeFile",
        _ => nullable ? "object?" : "object",
    };

    /// <summary>Whether the C# type is a reference type, so a required member must still be checked for null.</summary>
    public static bool IsReference(ValueSpec value) => value.Kind is ValueKind.String or ValueKind.Object or ValueKind.Array or ValueKind.File;

    public static string Local(PropertySpec property) =>
        Spelled(ref t_locals, property.ClrName, static name => char.ToLowerInvariant(name[0]) + name.Substring(1) + "Value");

    public static string Field(PropertySpec property) =>
        Spelled(ref t_fields, property.ClrName, static name => "s_" + char.ToLowerInvariant(name[0]) + name.Substring(1));

    /// <summary>The static regex field of a member with a <c>pattern</c> (on itself or on its items).</summary>
    public static string PatternField(PropertySpec property) => Field(property) + "Pattern";

    public static string Parameter(PropertySpec property) => Naming.Camel(property.ClrName);

    private static string Spelled(ref System.Collections.Generic.Dictionary<string, string>? cache, string name, System.Func<string, string> spell)
    {
        cache ??= new System.Collections.Generic.Dictionary<string, string>(System.StringComparer.Ordinal);
        if (!cache.TryGetValue(name, out var spelled))
        {
            // Bounded: member names come from schemas, and a pathological document must not grow this forever.
            if (cache.Count > 4096)
            {
                cache.Clear();
            }

            spelled = spell(name);
            cache[name] = spelled;
        }

        return spelled;
    }

    public static string HintName(string prefix, string typeName) =>
        typeName.StartsWith(prefix, System.StringComparison.Ordinal) && typeName.Length > prefix.Length
            ? $"{prefix}.{typeName.Substring(prefix.Length)}.g.cs"
            : $"{prefix}.{typeName}.g.cs";
}
