using System.Collections.Generic;
using System.Linq;
using FluxGen.Schema.Json;
using FluxGen.Schema.Model;

namespace FluxGen.Schema;

internal sealed partial class SchemaReader
{
    /// <summary>Reads <c>dependentRequired</c>: an object whose members name a property and list the properties that
    /// must be present whenever it is. Every name must be a declared property of this object, because a rule about a
    /// member the generated record cannot hold could never be checked or satisfied.</summary>
    private EquatableArray<DependentRequirement> ReadDependentRequired(JsonObject schema, IReadOnlyList<PropertySpec> properties)
    {
        if (schema.Find("dependentRequired") is not { } member)
        {
            return EquatableArray<DependentRequirement>.Empty;
        }

        if (member.Value is not JsonObject rules)
        {
            Report(Descriptors.WrongKeywordType, member.Value, "dependentRequired", "an object of property name arrays", member.Value.Kind);
            return EquatableArray<DependentRequirement>.Empty;
        }

        var declared = new HashSet<string>(properties.Select(p => p.JsonName));
        var result = new List<DependentRequirement>();
        foreach (var rule in rules.Members)
        {
            if (!declared.Contains(rule.Name))
            {
                Report(Descriptors.InvalidKeywordValue, rule.NameStart, rule.NameEnd, "dependentRequired", $"names '{rule.Name}', which is not a declared property of this object");
                continue;
            }

            if (rule.Value is not JsonArray array)
            {
                Report(Descriptors.WrongKeywordType, rule.Value, "dependentRequired." + rule.Name, "an array of property names", rule.Value.Kind);
                continue;
            }

            var names = new List<string>();
            foreach (var item in array.Items)
            {
                if (item is not JsonString name)
                {
                    Report(Descriptors.WrongKeywordType, item, "dependentRequired." + rule.Name, "an array of property names", "an array holding a " + item.Kind);
                }
                else if (names.Contains(name.Value))
                {
                    Report(Descriptors.InvalidKeywordValue, item, "dependentRequired." + rule.Name, $"lists '{name.Value}' twice");
                }
                else if (!declared.Contains(name.Value))
                {
                    Report(Descriptors.InvalidKeywordValue, item, "dependentRequired." + rule.Name, $"names '{name.Value}', which is not a declared property of this object");
                }
                else
                {
                    names.Add(name.Value);
                }
            }

            // A member that needs only itself, or nothing, constrains nothing; it generates no check.
            names.Remove(rule.Name);
            if (names.Count > 0)
            {
                result.Add(new DependentRequirement(rule.Name, names.ToEquatableArray()));
            }
        }

        return result.ToEquatableArray();
    }
}
