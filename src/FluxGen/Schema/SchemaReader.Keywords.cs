using System.Collections.Generic;
using System.Linq;
using Apiframe.Validation;
using FluxGen.Schema.Json;
using FluxGen.Schema.Model;

namespace FluxGen.Schema;

/// <summary>The keywords the OpenAPI document brought: <c>pattern</c>, numeric <c>enum</c>s, <c>anyOf</c>/<c>oneOf</c>
/// of single values and <c>$ref</c>s inside a document.</summary>
internal sealed partial class SchemaReader
{
    private ValueSpec? ReadReference(JsonMember reference, string path, string memberName, bool atRoot, bool isItem)
    {
        if (reference.Value is not JsonString pointer)
        {
            Report(Descriptors.WrongKeywordType, reference.Value, "$ref", "a string", reference.Value.Kind);
            return null;
        }

        if (_refDepth >= MaxRefDepth)
        {
            Report(Descriptors.UnsupportedShape, reference.Value, path, "this $ref leads back into itself; recursive schemas are not supported");
            return null;
        }

        if (ResolvePointer(pointer.Value) is not { } target)
        {
            Report(Descriptors.InvalidKeywordValue, reference.Value, "$ref", $"points at '{pointer.Value}', which is not in this document");
            return null;
        }

        _refDepth++;
        try
        {
            return ReadValue(target, path, memberName, atRoot, isItem);
        }
        finally
        {
            _refDepth--;
        }
    }

    /// <summary>
    /// <c>anyOf</c>/<c>oneOf</c> whose every alternative fixes one value (a one-value <c>enum</c> or a <c>const</c>) of
    /// one JSON type is just an <c>enum</c> of those values; the result is a schema of that shape, keeping the outer
    /// schema's annotations. Any other alternatives are an unsupported shape.
    /// </summary>
    private JsonObject? CollapseAlternatives(JsonObject schema, JsonMember alternatives, string path)
    {
        if (alternatives.Value is not JsonArray { Items.Count: > 0 } array)
        {
            Report(Descriptors.WrongKeywordType, alternatives.Value, alternatives.Name, "a non-empty array of schemas", alternatives.Value.Kind);
            return null;
        }

        var values = new List<JsonNode>();
        string? type = null;
        foreach (var item in array.Items)
        {
            var alternative = _document is not null ? Follow(item) : item;
            var value = alternative is JsonObject obj && obj.Members.All(m => m.Name is "enum" or "const" or "type" or "description" or "title")
                ? SingleValue(obj)
                : null;
            var valueType = value switch
            {
                JsonString => "string",
                JsonNumber => (alternative as JsonObject)?.Find("type")?.Value is JsonString { Value: "integer" } ? "integer" : "number",
                _ => null,
            };

            if (valueType is null || (type is not null && type != valueType && !(IsNumeric(type) && IsNumeric(valueType))))
            {
                Report(Descriptors.UnsupportedShape, item, path, $"'{alternatives.Name}' is supported only when every alternative is one value of one type (an enum written out value by value)");
                return null;
            }

            type = type is null || type == valueType ? valueType : "number";
            values.Add(value!);
        }

        // An operation's one-value number alternatives that are all whole numbers (an action's index: 1–4) are
        // choices of an integer, so the member is an int; models keep the number their documents give.
        if (_operation is not null && type == "number" && values.All(v => v is JsonNumber number && SchemaNumber.TryParse(number.Text, out var whole) && whole.IsInteger))
        {
            type = "integer";
        }

        var members = new List<JsonMember>
        {
            new("type", alternatives.NameStart, alternatives.NameEnd, new JsonString(alternatives.Value.Start, alternatives.Value.End, type!)),
            new("enum", alternatives.NameStart, alternatives.NameEnd, new JsonArray(alternatives.Value.Start, alternatives.Value.End, values)),
        };
        members.AddRange(schema.Members.Where(m => m.Name is not ("anyOf" or "oneOf")));
        return new JsonObject(schema.Start, schema.End, members);
    }

    private static bool IsNumeric(string type) => type is "number" or "integer";

    /// <summary>An <c>enum</c> of numbers: each value's decimal text, normalized, in schema order.</summary>
    private EquatableArray<string>? ReadNumericEnum(JsonNode node, bool integer)
    {
        if (node is not JsonArray { Items.Count: > 0 } array)
        {
            Report(Descriptors.WrongKeywordType, node, "enum", "a non-empty array of numbers", node.Kind);
            return null;
        }

        var values = new List<string>();
        foreach (var item in array.Items)
        {
            if (item is not JsonNumber number || !SchemaNumber.TryParse(number.Text, out var value) || value > DoubleMax || value < -DoubleMax)
            {
                Report(Descriptors.UnsupportedShape, item, "enum", $"an enum of numbers must hold only finite numbers; found a {item.Kind}");
                return null;
            }

            if (integer && (!value.IsInteger || value > LongMax || value < LongMin))
            {
                Report(Descriptors.InvalidKeywordValue, item, "enum", $"lists {number.Text}, which is not a 64-bit integer");
                return null;
            }

            var text = value.ToString();
            if (values.Contains(text))
            {
                Report(Descriptors.InvalidKeywordValue, item, "enum", $"lists {number.Text} twice");
                return null;
            }

            values.Add(text);
        }

        return values.ToEquatableArray();
    }

    /// <summary>A <c>pattern</c>, checked here so a regex .NET cannot run never reaches generated code.</summary>
    private string? ReadPattern(JsonObject schema)
    {
        if (schema.Find("pattern") is not { } member)
        {
            return null;
        }

        if (member.Value is not JsonString pattern)
        {
            Report(Descriptors.WrongKeywordType, member.Value, "pattern", "a string", member.Value.Kind);
            return null;
        }

        if (PatternProblem(pattern.Value) is { } problem)
        {
            Report(Descriptors.InvalidKeywordValue, member.Value, "pattern", $"is not an ECMAScript regular expression .NET can run: {problem}");
            return null;
        }

        return pattern.Value;
    }

    // A document repeats the same few patterns across its models; each is compiled once per process to vet it.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string?> PatternProblems = new(System.StringComparer.Ordinal);

    private static string? PatternProblem(string pattern) => PatternProblems.GetOrAdd(pattern, static p =>
    {
        try
        {
            _ = new System.Text.RegularExpressions.Regex(p, System.Text.RegularExpressions.RegexOptions.ECMAScript);
            return null;
        }
        catch (System.ArgumentException ex)
        {
            return ex.Message;
        }
    });
}
