using System.Text.Json;

namespace FluxGen.Emulator.Schemas;

/// <summary>
/// Every model of an OpenAPI 3.x document, found the way the generator finds them: each <c>oneOf</c> branch of a
/// request body whose <c>model</c> is one value (a one-value <c>enum</c> or a <c>const</c>), posted to the path whose
/// body holds it. Branches are validated with the whole document as the root, so their <c>$ref</c>s resolve.
/// </summary>
internal static class OpenApiModels
{
    private static readonly string[] BodyMethods = ["post", "put", "patch"];

    public static bool IsDocument(JsonElement root) =>
        root.ValueKind == JsonValueKind.Object
        && root.TryGetProperty("openapi", out var version)
        && version.ValueKind == JsonValueKind.String
        && version.GetString()!.StartsWith("3.", StringComparison.Ordinal);

    public static IEnumerable<ModelSchema> Read(JsonElement document)
    {
        if (!document.TryGetProperty("paths", out var paths) || paths.ValueKind != JsonValueKind.Object)
        {
            yield break;
        }

        foreach (var path in paths.EnumerateObject())
        {
            if (path.Value.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            foreach (var method in BodyMethods)
            {
                if (!path.Value.TryGetProperty(method, out var operation)
                    || Follow(document, Member(operation, "requestBody")) is not { } body
                    || Follow(document, Member(Member(Member(body, "content"), "application/json"), "schema")) is not { } schema)
                {
                    continue;
                }

                var branches = schema.TryGetProperty("oneOf", out var oneOf) && oneOf.ValueKind == JsonValueKind.Array
                    ? oneOf.EnumerateArray().ToList()
                    : [schema];
                foreach (var candidate in branches)
                {
                    if (Follow(document, candidate) is { } branch && ModelId(document, branch) is { } model)
                    {
                        var modality = Modality(path.Name);
                        yield return new ModelSchema(model, path.Name, ParamsKey(document, branch), AverageSeconds(modality), branch)
                        {
                            Modality = modality,
                            Document = document,
                        };
                    }
                }
            }
        }
    }

    /// <summary>The catalog entry of <c>GET /v2/models</c> for a model: what the document says, plus its modality.</summary>
    public static string Label(string model) =>
        string.Join(' ', model.Split('-', StringSplitOptions.RemoveEmptyEntries).Select(w => char.ToUpperInvariant(w[0]) + w[1..]));

    private static string? ModelId(JsonElement document, JsonElement branch)
    {
        if (Follow(document, Member(Member(branch, "properties"), "model")) is not { } model)
        {
            return null;
        }

        if (model.TryGetProperty("const", out var constant))
        {
            return constant.ValueKind == JsonValueKind.String ? constant.GetString() : null;
        }

        return model.TryGetProperty("enum", out var values) && values.ValueKind == JsonValueKind.Array && values.GetArrayLength() == 1
            && values[0].ValueKind == JsonValueKind.String
            ? values[0].GetString()
            : null;
    }

    private static string? ParamsKey(JsonElement document, JsonElement branch)
    {
        var objects = Member(branch, "properties") is { ValueKind: JsonValueKind.Object } properties
            ? properties.EnumerateObject().Where(p => Follow(document, p.Value) is { } v && v.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String && t.GetString() == "object").Select(p => p.Name).ToList()
            : [];
        return objects.Count == 1 ? objects[0] : null;
    }

    /// <summary>Modality from the path; the document gives no durations, so the generator's documented defaults.</summary>
    private static string? Modality(string path) =>
        path.StartsWith("/v2/images/", StringComparison.Ordinal) ? "image"
        : path.StartsWith("/v2/videos/", StringComparison.Ordinal) ? "video"
        : path.StartsWith("/v2/music/", StringComparison.Ordinal) ? "music"
        : null;

    private static double AverageSeconds(string? modality) => modality switch
    {
        "video" => 120,
        "music" => 60,
        _ => 10,
    };

    private static JsonElement Member(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) ? value : default;

    private static JsonElement? Follow(JsonElement document, JsonElement element)
    {
        for (var hops = 0; hops < 32; hops++)
        {
            if (element.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            if (!element.TryGetProperty("$ref", out var reference) || reference.ValueKind != JsonValueKind.String)
            {
                return element;
            }

            if (!SchemaValidator.TryResolve(document, reference.GetString()!, out element))
            {
                return null;
            }
        }

        return null;
    }
}
