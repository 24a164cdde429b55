using System.Text.Json;

namespace FluxGen.Emulator.Schemas;

/// <summary><c>anyOf</c>, <c>oneOf</c> and <c>format: uuid</c>, which Apiframe's OpenAPI document uses.</summary>
internal static partial class SchemaValidator
{
    private static void CheckAlternatives(JsonElement root, JsonElement schema, JsonElement value, string path, Dictionary<string, List<string>> errors)
    {
        if (schema.TryGetProperty("anyOf", out var anyOf) && anyOf.ValueKind == JsonValueKind.Array && Matching(root, anyOf, value) == 0)
        {
            Add(errors, path, $"Must match one of {anyOf.GetArrayLength()} alternatives; got {Shown(value)}.");
        }

        if (schema.TryGetProperty("oneOf", out var oneOf) && oneOf.ValueKind == JsonValueKind.Array && Matching(root, oneOf, value) is var count and not 1)
        {
            Add(errors, path, count == 0
                ? $"Must match one of {oneOf.GetArrayLength()} alternatives; got {Shown(value)}."
                : $"Must match exactly one alternative, but matches {count}.");
        }

        if (value.ValueKind == JsonValueKind.String && schema.TryGetProperty("format", out var format)
            && format.ValueKind == JsonValueKind.String && format.GetString() == "uuid"
            && !Guid.TryParseExact(value.GetString(), "D", out _))
        {
            Add(errors, path, "Must be a UUID.");
        }
    }

    private static int Matching(JsonElement root, JsonElement alternatives, JsonElement value)
    {
        var count = 0;
        foreach (var alternative in alternatives.EnumerateArray())
        {
            var scratch = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            Check(root, alternative, value, string.Empty, scratch);
            if (scratch.Count == 0)
            {
                count++;
            }
        }

        return count;
    }

    private static string Shown(JsonElement value)
    {
        var text = value.GetRawText();
        return text.Length <= 80 ? text : text[..77] + "...";
    }
}
