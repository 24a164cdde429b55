using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using FluxGen.Schema.Model;

namespace FluxGen.Schema.Drift;

/// <summary>
/// What changed in one model between two documents, member by member and constraint by constraint, written with
/// the schema's own keyword names (<c>+fluxParams.seed</c>, <c>fluxParams.height: maximum 2048 → 1024</c>) so the
/// text reads the same in every language.
/// </summary>
/// <remarks>Compares the parsed models rather than the JSON: file positions, descriptions and key order differ
/// between two copies of a document without changing a single generated type or check.</remarks>
internal static class ModelDiff
{
    private const string Absent = "—";

    /// <summary>Every difference, in member order; empty when the two generate the same checks.</summary>
    public static IReadOnlyList<string> Compare(ModelSpec before, ModelSpec after)
    {
        var changes = new List<string>();
        if (!string.Equals(before.Endpoint, after.Endpoint, StringComparison.Ordinal))
        {
            changes.Add($"endpoint {before.Endpoint} → {after.Endpoint}");
        }

        var old = Members(before);
        var now = Members(after);
        foreach (var path in old.Keys.Union(now.Keys, StringComparer.Ordinal).OrderBy(p => p, StringComparer.Ordinal))
        {
            if (!now.TryGetValue(path, out var added))
            {
                changes.Add("-" + path);
            }
            else if (!old.TryGetValue(path, out var removed))
            {
                changes.Add("+" + path);
            }
            else
            {
                var beforeWords = Constraints(removed.Property.IsRequired, removed.Property.Value, removed.Model);
                var afterWords = Constraints(added.Property.IsRequired, added.Property.Value, added.Model);
                foreach (var keyword in beforeWords.Keys.Union(afterWords.Keys, StringComparer.Ordinal))
                {
                    var from = beforeWords.TryGetValue(keyword, out var a) ? a : Absent;
                    var to = afterWords.TryGetValue(keyword, out var b) ? b : Absent;
                    if (!string.Equals(from, to, StringComparison.Ordinal))
                    {
                        changes.Add($"{path}: {keyword} {from} → {to}");
                    }
                }
            }
        }

        return changes;
    }

    /// <summary>Every member of the model, nested ones included, by JSON path.</summary>
    internal static Dictionary<string, (PropertySpec Property, ModelSpec Model)> Members(ModelSpec model)
    {
        var members = new Dictionary<string, (PropertySpec, ModelSpec)>(StringComparer.Ordinal);
        foreach (var property in model.Request.Properties.Concat(model.NestedObjects.SelectMany(o => o.Properties)))
        {
            members[property.JsonPath] = (property, model);
        }

        return members;
    }

    /// <summary>Each keyword that shapes the member's type or checks, as text; unset keywords are left out.</summary>
    internal static Dictionary<string, string> Constraints(bool required, ValueSpec value, ModelSpec model, string prefix = "")
    {
        var words = new Dictionary<string, string>(StringComparer.Ordinal);
        if (prefix.Length == 0)
        {
            words["required"] = required ? "true" : "false";
        }

        void Add(string keyword, string? text)
        {
            if (text is not null)
            {
                words[prefix + keyword] = text;
            }
        }

        static string? Number(int? n) => n?.ToString(CultureInfo.InvariantCulture);

        Add("type", value.Kind.ToString().ToLowerInvariant());
        Add("const", value.Const);
        Add("default", value.Default);
        Add("minimum", value.Minimum);
        Add("maximum", value.Maximum);
        Add("exclusiveMinimum", value.ExclusiveMinimum);
        Add("exclusiveMaximum", value.ExclusiveMaximum);
        Add("multipleOf", value.MultipleOf);
        Add("minLength", Number(value.MinLength));
        Add("maxLength", Number(value.MaxLength));
        Add("minItems", Number(value.MinItems));
        Add("maxItems", Number(value.MaxItems));
        Add("format", value.Format);
        Add("pattern", value.Pattern);
        IEnumerable<string> allowed = value.Kind == ValueKind.Enum ? EnumValues(model, value.TypeName) : value.AllowedValues;
        if (allowed.Any())
        {
            Add("enum", string.Join("|", allowed));
        }

        if (value.Items is { } items)
        {
            foreach (var pair in Constraints(required, items, model, prefix + "items."))
            {
                words[pair.Key] = pair.Value;
            }
        }

        return words;
    }

    /// <summary>The wire values of a string enum the model defines (its own or shared).</summary>
    internal static IEnumerable<string> EnumValues(ModelSpec model, string? typeName) =>
        model.Enums.Concat(model.SharedEnums)
            .FirstOrDefault(e => string.Equals(e.TypeName, typeName, StringComparison.Ordinal))?
            .Members.Select(m => m.WireValue) ?? Enumerable.Empty<string>();
}
