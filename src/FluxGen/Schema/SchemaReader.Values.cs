using System.Collections.Generic;
using System.Linq;
using Apiframe.Validation;
using FluxGen.Schema.Json;
using FluxGen.Schema.Model;

namespace FluxGen.Schema;

internal sealed partial class SchemaReader
{
    private static readonly HashSet<string> AnnotationKeywords = new() { "$comment", "title", "description", "examples", "deprecated", "readOnly", "writeOnly", "type", "default" };
    private static readonly HashSet<string> ObjectKeywords = new() { "$schema", "$id", "properties", "required", "additionalProperties", "dependentRequired", "x-apiframe" };
    private static readonly HashSet<string> NumberKeywords = new() { "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf", "const", "enum" };
    private static readonly HashSet<string> StringKeywords = new() { "minLength", "maxLength", "format", "enum", "const", "pattern" };
    private static readonly HashSet<string> BooleanKeywords = new() { "const" };
    private static readonly HashSet<string> ArrayKeywords = new() { "items", "minItems", "maxItems" };

    private static readonly HashSet<string> AllKnownKeywords = new(
        AnnotationKeywords.Concat(ObjectKeywords).Concat(NumberKeywords).Concat(StringKeywords).Concat(ArrayKeywords));

    private static readonly SchemaNumber DoubleMax = SchemaNumber.Parse("1.7976931348623157E308");
    private static readonly SchemaNumber LongMax = SchemaNumber.FromInt64(long.MaxValue);
    private static readonly SchemaNumber LongMin = SchemaNumber.FromInt64(long.MinValue);
    private static readonly SchemaNumber IntMax = SchemaNumber.FromInt64(int.MaxValue);
    private static readonly SchemaNumber IntMin = SchemaNumber.FromInt64(int.MinValue);

    private static ValueSpec EmptyValue(ValueKind kind) =>
        new(kind, null, null, null, null, null, null, null, null, null, null, null, null, null, EquatableArray<string>.Empty, null);

    private ValueSpec? ReadValue(JsonNode node, string path, string memberName, bool atRoot, bool isItem = false)
    {
        _cancellationToken.ThrowIfCancellationRequested();
        if (_document is not null && node is JsonObject referring && referring.Find("$ref") is { } reference)
        {
            return ReadReference(reference, path, memberName, atRoot, isItem);
        }

        if (node is not JsonObject schema)
        {
            Report(Descriptors.WrongKeywordType, node, path, "a schema object", node.Kind);
            return null;
        }

        if (schema.Find("type") is null && (schema.Find("anyOf") ?? schema.Find("oneOf")) is { } alternatives)
        {
            // Alternatives of single values (anyOf: [{enum: [5]}, {enum: [10]}]) are one enum; anything else is not
            // a shape FluxGen types.
            if (CollapseAlternatives(schema, alternatives, path) is not { } collapsed)
            {
                return null;
            }

            schema = collapsed;
        }

        var kind = ReadKind(schema, path);
        if (kind is null)
        {
            return null;
        }

        CheckKeywords(schema, path, kind.Value);
        var spec = kind.Value switch
        {
            ValueKind.Object => ReadNestedObject(schema, path, memberName, atRoot, isItem),
            ValueKind.Array => ReadArray(schema, path, memberName, atRoot, isItem),
            ValueKind.String when schema.Find("enum") is not null => ReadEnum(schema, path, memberName, atRoot, isItem),
            _ => ReadScalar(schema, path, kind.Value),
        };

        if (spec is not null && schema.Find("default") is { } defaultMember)
        {
            spec = spec with { Default = CheckDefault(spec, defaultMember.Value, path) };
        }

        return spec;
    }

    private ValueKind? ReadKind(JsonObject schema, string path)
    {
        if (schema.Find("type") is not { } type)
        {
            // An enum of strings or a string const says its type by itself; anything else must say it.
            if (schema.Find("enum")?.Value is JsonArray { Items.Count: > 0 } values && values.Items.All(v => v is JsonString))
            {
                return ValueKind.String;
            }

            if (schema.Find("const")?.Value is JsonString)
            {
                return ValueKind.String;
            }

            if (schema.Find("enum")?.Value is JsonArray { Items.Count: > 0 } numbers && numbers.Items.All(v => v is JsonNumber))
            {
                return ValueKind.Number;
            }

            if (schema.Find("properties") is not null)
            {
                return ValueKind.Object;
            }

            Report(Descriptors.UnsupportedShape, schema, path, "a member needs a 'type' so FluxGen can choose its C# type");
            return null;
        }

        if (type.Value is JsonArray { Items.Count: 2 } pair && pair.Items.Count(t => t is JsonString { Value: "null" }) == 1
            && pair.Items.FirstOrDefault(t => t is JsonString { Value: not "null" }) is JsonString nullableType)
        {
            // [X, "null"]: the member may be null, which a C# nullable member left unset already says (unset
            // members are not written).
            type = new JsonMember(type.Name, type.NameStart, type.NameEnd, nullableType);
        }

        if (type.Value is JsonArray)
        {
            Report(Descriptors.UnsupportedShape, type.Value, path, "a list of types is not supported; give one type and leave the member out when it has no value");
            return null;
        }

        if (type.Value is not JsonString name)
        {
            Report(Descriptors.WrongKeywordType, type.Value, "type", "a string", type.Value.Kind);
            return null;
        }

        switch (name.Value)
        {
            case "string": return ValueKind.String;
            case "number": return ValueKind.Number;
            case "integer": return ValueKind.Integer;
            case "boolean": return ValueKind.Boolean;
            case "object": return ValueKind.Object;
            case "array": return ValueKind.Array;
            case "null":
                Report(Descriptors.UnsupportedShape, type.Value, path, "a member of type 'null' carries nothing; remove it");
                return null;
            default:
                Report(Descriptors.InvalidKeywordValue, type.Value, "type", $"is '{name.Value}', which is not a JSON Schema type (string, number, integer, boolean, object, array)");
                return null;
        }
    }

    private void CheckKeywords(JsonObject schema, bool isRoot, HashSet<string> allowed)
    {
        foreach (var member in schema.Members)
        {
            if (IsExtension(member.Name) || AnnotationKeywords.Contains(member.Name))
            {
                continue;
            }

            if (!allowed.Contains(member.Name) || (RootOnlyKeywords.Contains(member.Name) && !isRoot))
            {
                ReportUnknownKeyword(member, "object");
            }
        }
    }

    private void CheckKeywords(JsonObject schema, string path, ValueKind kind)
    {
        var allowed = kind switch
        {
            ValueKind.Number or ValueKind.Integer => NumberKeywords,
            ValueKind.String => StringKeywords,
            ValueKind.Boolean => BooleanKeywords,
            ValueKind.Array => ArrayKeywords,
            _ => null,
        };

        if (allowed is null)
        {
            return;
        }

        foreach (var member in schema.Members)
        {
            if (IsExtension(member.Name) || AnnotationKeywords.Contains(member.Name) || allowed.Contains(member.Name))
            {
                continue;
            }

            if (AllKnownKeywords.Contains(member.Name))
            {
                Report(Descriptors.InvalidKeywordValue, member.NameStart, member.NameEnd, member.Name, $"does not apply to '{path}', which is of type {KindName(kind)}");
            }
            else
            {
                ReportUnknownKeyword(member, KindName(kind));
            }
        }
    }

    private void ReportUnknownKeyword(JsonMember member, string kindName)
    {
        var hint = member.Name switch
        {
            "patternProperties" => "write the rule into 'description' instead",
            "$ref" or "$defs" or "definitions" or "oneOf" or "anyOf" or "allOf" or "not" or "if" or "then" or "else" => "write each member out in full",
            "uniqueItems" or "contains" or "prefixItems" or "minProperties" or "maxProperties" => "remove it",
            _ => $"it is not among the keywords FluxGen reads for a {kindName}; prefix it with 'x-' to keep it as an extension",
        };
        Report(Descriptors.UnsupportedKeyword, member.NameStart, member.NameEnd, member.Name, hint);
    }

    private static bool IsExtension(string name) => name.StartsWith("x-", System.StringComparison.Ordinal) && name != ApiframeKey;

    private static string KindName(ValueKind kind) => kind switch
    {
        ValueKind.Number => "number",
        ValueKind.Integer => "integer",
        ValueKind.Boolean => "boolean",
        ValueKind.Object => "object",
        ValueKind.Array => "array",
        _ => "string",
    };
}
