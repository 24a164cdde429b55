using System.Collections.Generic;
using FluxGen.Schema.Json;
using FluxGen.Schema.Model;

namespace FluxGen.Schema;

internal sealed partial class SchemaReader
{
    private ValueSpec? ReadNestedObject(JsonObject schema, string path, string memberName, bool atRoot, bool isItem)
    {
        if (schema.Find("additionalProperties") is { } extra && extra.Value is not JsonBoolean)
        {
            Report(Descriptors.UnsupportedShape, extra.Value, path, "'additionalProperties' may only be true or false; maps of free-form members are not supported");
            return null;
        }

        var isParams = atRoot && memberName == _paramsKey;
        var typeName = ClaimTypeName(isParams ? _prefix + "Params" : _prefix + (isItem ? Naming.Singular(Naming.Words(memberName)) : Naming.Words(memberName)), schema);
        if (typeName is null)
        {
            return null;
        }

        var nested = ReadObject(schema, typeName, path, isRoot: false, info: null);
        if (nested is null)
        {
            return null;
        }

        _nestedObjects.Add(nested);
        return EmptyValue(ValueKind.Object) with { TypeName = typeName };
    }

    private ValueSpec? ReadArray(JsonObject schema, string path, string memberName, bool atRoot, bool isItem)
    {
        if (isItem)
        {
            Report(Descriptors.UnsupportedShape, schema, path, "arrays of arrays are not supported");
            return null;
        }

        if (schema.Find("items") is not { } items)
        {
            Report(Descriptors.UnsupportedShape, schema, path, "an array needs 'items' to say what it holds");
            return null;
        }

        var item = ReadValue(items.Value, path + "[]", memberName, atRoot, isItem: true);
        if (item is null)
        {
            return null;
        }

        var minItems = ReadCount(schema, "minItems");
        var maxItems = ReadCount(schema, "maxItems");
        if (minItems > maxItems)
        {
            Report(Descriptors.ContradictoryBounds, schema.Find("minItems")!.Value, path, $"minItems {minItems} is above maxItems {maxItems}");
        }

        return EmptyValue(ValueKind.Array) with { Items = item, MinItems = minItems, MaxItems = maxItems };
    }

    private ValueSpec? ReadEnum(JsonObject schema, string path, string memberName, bool atRoot, bool isItem)
    {
        var member = schema.Find("enum")!;
        if (member.Value is not JsonArray array)
        {
            Report(Descriptors.WrongKeywordType, member.Value, "enum", "an array of strings", member.Value.Kind);
            return null;
        }

        if (array.Items.Count == 0)
        {
            Report(Descriptors.InvalidKeywordValue, member.Value, "enum", "is empty, so no value could ever be valid");
            return null;
        }

        var baseName = Naming.Words(memberName);
        if (isItem)
        {
            baseName = Naming.Singular(baseName);
        }

        // Members of the request itself are shared by every model of the unified API; the rest belong to one model.
        // An operation's own enums (a pan's direction, a LoRA's gender) are its own; it shares only the webhook events.
        var shared = atRoot && (_operation is null || memberName == "webhookEvents");
        var typeName = shared ? baseName : _prefix + baseName;
        if (!Naming.IsValidIdentifier(typeName))
        {
            Report(Descriptors.InvalidIdentifier, member.Value, memberName, typeName);
            return null;
        }

        if (!_typeNames.Add(typeName))
        {
            Report(Descriptors.ClashingIdentifier, member.Value, memberName, typeName, "is already the name of another generated type in this schema");
            return null;
        }

        var values = new List<string>();
        var members = new List<EnumMemberSpec>();
        var names = new HashSet<string>();
        var ok = true;
        foreach (var item in array.Items)
        {
            if (item is not JsonString text)
            {
                Report(Descriptors.UnsupportedShape, item, path, $"enum values must be strings; found a {item.Kind}");
                ok = false;
                continue;
            }

            if (values.Contains(text.Value))
            {
                Report(Descriptors.InvalidKeywordValue, item, "enum", $"lists \"{text.Value}\" twice");
                ok = false;
                continue;
            }

            var name = Naming.EnumMember(text.Value);
            if (!Naming.IsValidIdentifier(name) || name == typeName)
            {
                Report(Descriptors.InvalidIdentifier, item, text.Value, name.Length == 0 ? "(nothing)" : name);
                ok = false;
                continue;
            }

            if (!names.Add(name))
            {
                Report(Descriptors.ClashingIdentifier, item, text.Value, name, "is already the name of another value of this enum");
                ok = false;
                continue;
            }

            values.Add(text.Value);
            members.Add(new EnumMemberSpec(name, text.Value));
        }

        if (!ok)
        {
            return null;
        }

        var scalar = ReadScalar(schema, path, ValueKind.String);
        if (scalar is null)
        {
            return null;
        }

        var spec = new EnumSpec(typeName, ReadDescription(schema), path, members.ToEquatableArray())
        {
            Location = new SourceSpan(_path, Span(member.Value.Start, member.Value.End), LineSpan(member.Value.Start, member.Value.End)),
        };
        (shared ? _sharedEnums : _enums).Add(spec);
        return scalar with { Kind = ValueKind.Enum, TypeName = typeName, AllowedValues = values.ToEquatableArray() };
    }
}
