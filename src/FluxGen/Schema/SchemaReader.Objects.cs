using System.Collections.Generic;
using System.Linq;
using FluxGen.Schema.Json;
using FluxGen.Schema.Model;

namespace FluxGen.Schema;

internal sealed partial class SchemaReader
{
    // Members every generated record already has; a schema property must not take one of these names.
    private static readonly HashSet<string> ReservedMembers = new()
    {
        "Validate", "WriteTo", "ToJson", "CollectErrors", "ModelInfo", "EqualityContract", "ToString", "Equals",
        "GetHashCode", "GetType", "Deconstruct", "PrintMembers", "MemberwiseClone", "Finalize",
    };

    private ObjectSpec? ReadObject(JsonObject schema, string typeName, string jsonPath, bool isRoot, ApiframeInfo? info)
    {
        CheckKeywords(schema, isRoot, ObjectKeywords);
        var description = ReadDescription(schema);
        var required = ReadRequired(schema);
        var properties = new List<PropertySpec>();
        var clrNames = new Dictionary<string, string>();
        var sawModel = false;

        if (schema.Find("properties") is { } propertiesMember)
        {
            if (propertiesMember.Value is not JsonObject propertiesObject)
            {
                Report(Descriptors.WrongKeywordType, propertiesMember.Value, "properties", "an object", propertiesMember.Value.Kind);
                return null;
            }

            foreach (var member in propertiesObject.Members)
            {
                _cancellationToken.ThrowIfCancellationRequested();
                var path = jsonPath.Length == 0 ? member.Name : jsonPath + "." + member.Name;
                var clrName = Naming.Words(member.Name);
                if (!Naming.IsValidIdentifier(clrName))
                {
                    Report(Descriptors.InvalidIdentifier, member.NameStart, member.NameEnd, member.Name, clrName);
                    continue;
                }

                if (clrNames.TryGetValue(clrName, out var other))
                {
                    Report(Descriptors.ClashingIdentifier, member.NameStart, member.NameEnd, member.Name, clrName, $"'{other}' already maps to");
                    continue;
                }

                if (ReservedMembers.Contains(clrName) || clrName == typeName)
                {
                    Report(Descriptors.ClashingIdentifier, member.NameStart, member.NameEnd, member.Name, clrName, "is a member every generated record already has");
                    continue;
                }

                clrNames[clrName] = member.Name;
                var value = _fromDocument && isRoot && info is { } branch && member.Name == "model" && _operation is null
                    ? EmptyValue(ValueKind.String) with { Const = branch.ModelId }
                    : OperationConstant(member.Name, isRoot) ?? ReadMember(member.Value, path, member.Name, isRoot);
                if (value is null)
                {
                    continue;
                }

                if (isRoot && info is { } model && member.Name == "model" && _operation is null)
                {
                    sawModel = true;
                    if (value.Const != model.ModelId)
                    {
                        Report(Descriptors.InvalidApiframeBlock, member.Value, $"says model '{model.ModelId}', but properties.model does not fix that value with 'const'");
                        continue;
                    }
                }

                var isRequired = required.Remove(member.Name);
                properties.Add(new PropertySpec(member.Name, clrName, path, isRequired, ReadDescription(member.Value as JsonObject), value));
            }
        }

        foreach (var missing in required)
        {
            var item = ((JsonArray)schema.Find("required")!.Value).Items.First(i => i is JsonString text && text.Value == missing);
            Report(Descriptors.UnknownRequired, item, missing, typeName);
        }

        if (isRoot && info is { } root && !sawModel && !clrNames.ContainsKey("Model") && _operation is null)
        {
            // The API needs the model id in every body; a schema may leave it implicit in x-apiframe.
            var modelValue = EmptyValue(ValueKind.String) with { Const = root.ModelId };
            properties.Insert(0, new PropertySpec("model", "Model", "model", true, $"The model id, always {root.ModelId}.", modelValue));
        }

        if (isRoot && _operation is { Kind: OperationKind.Action } && properties.FindIndex(p => p.JsonName == "parentJobId") is > 0 and var parentAt)
        {
            // What an action acts on comes first, as it reads: new MidjourneyUpsampleRequest(parentJobId, 2).
            var parent = properties[parentAt];
            properties.RemoveAt(parentAt);
            properties.Insert(properties.FindIndex(p => p.JsonName == "action") + 1, parent);
        }

        if (isRoot && _operation is { Kind: not OperationKind.Action } && schema.Find("required")?.Value is JsonArray order)
        {
            // A call's body takes its required members in the order the document lists them:
            // new CreateLoraRequest(name, images), new CreateAssetRequest(url, type).
            var listed = order.Items.OfType<JsonString>().Select(n => n.Value).ToList();
            properties = properties.Where(p => p.IsRequired).OrderBy(p => listed.IndexOf(p.JsonName)).Concat(properties.Where(p => !p.IsRequired)).ToList();
        }

        return new ObjectSpec(typeName, description, jsonPath, properties.ToEquatableArray())
        {
            DependentRequired = _fromDocument
                ? ReadDependentRequired(schema, properties).Concat(RulesInWords(properties)).ToEquatableArray()
                : ReadDependentRequired(schema, properties),
        };
    }

    private HashSet<string> ReadRequired(JsonObject schema)
    {
        var names = new HashSet<string>();
        if (schema.Find("required") is not { } member)
        {
            return names;
        }

        if (member.Value is not JsonArray array)
        {
            Report(Descriptors.WrongKeywordType, member.Value, "required", "an array of property names", member.Value.Kind);
            return names;
        }

        foreach (var item in array.Items)
        {
            if (item is JsonString name)
            {
                if (!names.Add(name.Value))
                {
                    Report(Descriptors.InvalidKeywordValue, item, "required", $"lists '{name.Value}' twice");
                }
            }
            else
            {
                Report(Descriptors.WrongKeywordType, item, "required", "an array of property names", "an array holding a " + item.Kind);
            }
        }

        return names;
    }

    private string? ReadDescription(JsonObject? schema)
    {
        if (schema?.Find("description") is not { } member)
        {
            return null;
        }

        if (member.Value is JsonString text)
        {
            return text.Value;
        }

        Report(Descriptors.WrongKeywordType, member.Value, "description", "a string", member.Value.Kind);
        return null;
    }

    /// <summary>The name for a generated type; a clash with one already taken is reported and yields null.</summary>
    private string? ClaimTypeName(string name, JsonNode at)
    {
        if (!Naming.IsValidIdentifier(name))
        {
            Report(Descriptors.InvalidIdentifier, at, name, name);
            return null;
        }

        if (!_typeNames.Add(name))
        {
            Report(Descriptors.ClashingIdentifier, at, name, name, "is already the name of another generated type in this schema");
            return null;
        }

        return name;
    }
}
