using System.Text.Json;

namespace FluxGen.Emulator.Schemas;

/// <summary>The model schemas the emulator validates against, read once from the same files the generator reads.</summary>
internal sealed class SchemaCatalog
{
    private readonly Dictionary<string, ModelSchema> _byModel;

    private SchemaCatalog(Dictionary<string, ModelSchema> byModel) => _byModel = byModel;

    public IReadOnlyCollection<string> Models => _byModel.Keys;

    public bool TryGet(string model, out ModelSchema schema) => _byModel.TryGetValue(model, out schema!);

    /// <summary>Loads every <c>*.json</c> under <paramref name="directory"/> that carries an <c>x-apiframe.model</c>,
    /// and every model of each OpenAPI 3.x document there, or of <paramref name="openApiDocument"/> instead when set
    /// (a newer document supersedes the bundled one as a whole, as in the generator).</summary>
    public static SchemaCatalog Load(string directory, string? openApiDocument = null)
    {
        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"The emulator found no schema folder at '{directory}'. Set Emulator:SchemaDirectory.");
        }

        var byModel = new Dictionary<string, ModelSchema>(StringComparer.Ordinal);
        var documents = new List<JsonElement>();
        foreach (var file in Directory.GetFiles(directory, "*.json", SearchOption.AllDirectories).OrderBy(f => f, StringComparer.Ordinal))
        {
            // The documents live as long as the process, so their elements may be kept without cloning.
            var document = JsonDocument.Parse(File.ReadAllBytes(file));
            var root = document.RootElement;
            if (OpenApiModels.IsDocument(root))
            {
                if (openApiDocument is null)
                {
                    documents.Add(root);
                }

                continue;
            }

            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("x-apiframe", out var meta)
                || !meta.TryGetProperty("model", out var model)
                || model.ValueKind != JsonValueKind.String)
            {
                continue;
            }

            var endpoint = meta.TryGetProperty("endpoint", out var e) && e.ValueKind == JsonValueKind.String ? e.GetString()! : "/v2/images/generate";
            var paramsKey = meta.TryGetProperty("paramsKey", out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;
            var seconds = meta.TryGetProperty("averageSeconds", out var s) && s.ValueKind == JsonValueKind.Number ? s.GetDouble() : 10;
            var modality = meta.TryGetProperty("modality", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : "image";
            byModel[model.GetString()!] = new ModelSchema(model.GetString()!, endpoint, paramsKey, seconds, root) { Modality = modality };
        }

        if (openApiDocument is not null)
        {
            documents.Add(ReadDocument(openApiDocument));
        }

        // A model in both a schema file and a document is served by the schema file, as the generator types it.
        foreach (var schema in documents.SelectMany(OpenApiModels.Read))
        {
            byModel.TryAdd(schema.Model, schema);
        }

        if (byModel.Count == 0)
        {
            throw new InvalidOperationException($"No model schema (a JSON file with x-apiframe.model) was found in '{directory}'.");
        }

        return new SchemaCatalog(byModel);
    }

    private static JsonElement ReadDocument(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"The emulator found no OpenAPI document at '{path}'. Check Emulator:OpenApiDocument.", path);
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(File.ReadAllBytes(path));
        }
        catch (JsonException ex)
        {
            throw new InvalidOperationException($"'{path}' (Emulator:OpenApiDocument) is not valid JSON: {ex.Message}", ex);
        }

        if (!OpenApiModels.IsDocument(document.RootElement))
        {
            throw new InvalidOperationException($"'{path}' (Emulator:OpenApiDocument) is not an OpenAPI 3.x document.");
        }

        return document.RootElement;
    }
}
