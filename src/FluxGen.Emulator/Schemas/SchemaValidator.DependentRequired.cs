using System.Text.Json;

namespace FluxGen.Emulator.Schemas;

internal static partial class SchemaValidator
{
    /// <summary>JSON Schema <c>dependentRequired</c>: a member that is present makes each member it lists required.
    /// The detail sits at the missing member's path, as a plain "Required." does, and names the member that needs it.</summary>
    private static void CheckDependentRequired(JsonElement schema, JsonElement obj, string path, Dictionary<string, List<string>> errors)
    {
        if (!schema.TryGetProperty("dependentRequired", out var rules) || rules.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        foreach (var rule in rules.EnumerateObject())
        {
            if (rule.Value.ValueKind != JsonValueKind.Array || !obj.TryGetProperty(rule.Name, out _))
            {
                continue;
            }

            foreach (var needed in rule.Value.EnumerateArray())
            {
                if (needed.ValueKind == JsonValueKind.String && !obj.TryGetProperty(needed.GetString()!, out _))
                {
                    Add(errors, Join(path, needed.GetString()!), $"Required when {rule.Name} is present.");
                }
            }
        }
    }
}
