using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using FluxGen.Schema.Json;
using FluxGen.Schema.Model;
using Microsoft.CodeAnalysis.Text;

namespace FluxGen.Schema;

/// <summary>
/// An OpenAPI 3.x document as a source of models: every <c>oneOf</c> branch of a request body whose <c>model</c> is a
/// single value becomes one model, read by the same code that reads a schema file, so both give the same
/// <see cref="ModelSpec"/>. Each branch is its own result: a broken branch drops only itself.
/// </summary>
internal sealed partial class SchemaReader
{
    private const string OpenApiKey = "openapi";

    // Guards $ref chains and self-referencing schemas: no document FluxGen reads nests this deep.
    private const int MaxRefDepth = 32;

    private static readonly string[] BodyMethods = { "post", "put", "patch" };

    private JsonObject? _document;
    private bool _fromDocument;
    private int _refDepth;

    /// <summary>Reads one AdditionalFile: a schema file gives at most one result, an OpenAPI document one per model.</summary>
    public static EquatableArray<SchemaParseResult> ReadAll(string path, SourceText? text, CancellationToken cancellationToken) =>
        ReadAll(path, stamp: null, () => text, cancellationToken);

    /// <summary>Reads one AdditionalFile, loading its text only when <paramref name="stamp"/> (its modification time as
    /// the build saw it) does not match an earlier read of the same path (see <see cref="ReadCache"/>).</summary>
    public static EquatableArray<SchemaParseResult> ReadAll(string path, string? stamp, Func<SourceText?> load, CancellationToken cancellationToken) =>
        ReadCache.GetOrRead(path, stamp, load, (text, content) => ReadAll(path, text, content, cancellationToken));

    private static EquatableArray<SchemaParseResult> ReadAll(string path, SourceText text, string content, CancellationToken cancellationToken)
    {
        if (content.Contains("\"" + OpenApiKey + "\""))
        {
            var reader = new SchemaReader(path, text, cancellationToken);
            if (reader.ReadDocument(content) is { } results)
            {
                return results;
            }
        }

        var single = Read(path, text, cancellationToken);
        return single.Model is null && single.Diagnostics.Count == 0 && single.ClaimedModelId is null
            ? EquatableArray<SchemaParseResult>.Empty
            : new[] { single }.ToEquatableArray();
    }

    /// <summary>The document's results, or null when the file is not an OpenAPI 3.x document (then it may still be
    /// a schema file).</summary>
    private EquatableArray<SchemaParseResult>? ReadDocument(string content)
    {
        var marked = content.Contains("\"" + ApiframeKey + "\"");
        var replacement = content.IndexOf('\uFFFD');
        if (_text.Encoding is { CodePage: not 65001 })
        {
            replacement = System.Math.Max(replacement, 0);
        }

        if (replacement >= 0)
        {
            if (marked)
            {
                return null;
            }

            Report(Descriptors.NotUtf8, replacement, replacement + 1, System.IO.Path.GetFileName(_path));
            return new[] { Result(null) }.ToEquatableArray();
        }

        JsonNode root;
        try
        {
            root = JsonParser.Parse(content, _cancellationToken);
        }
        catch (JsonParseException ex)
        {
            if (marked)
            {
                return null;
            }

            Report(Descriptors.InvalidJson, ex.Position, ex.Position + 1, System.IO.Path.GetFileName(_path), ex.Message);
            return new[] { Result(null) }.ToEquatableArray();
        }

        if (root is not JsonObject document || document.Find(OpenApiKey)?.Value is not JsonString { Value: var version } || !version.StartsWith("3.", System.StringComparison.Ordinal))
        {
            return null;
        }

        _document = document;
        var results = new List<SchemaParseResult>();
        foreach (var (endpoint, branch) in RequestBranches(document))
        {
            _cancellationToken.ThrowIfCancellationRequested();
            var branchReader = new SchemaReader(_path, _text, _cancellationToken) { _document = document, _fromDocument = true };
            if (branchReader.ReadBranch(branch, endpoint) is { } result)
            {
                results.Add(result);
            }
        }

        ReadOperations(document, results);
        if (_diagnostics.Count > 0)
        {
            results.Insert(0, Result(null));
        }

        return results.ToEquatableArray();
    }

    /// <summary>Every candidate branch with the path that takes it, in document order.</summary>
    private IEnumerable<(string Endpoint, JsonObject Branch)> RequestBranches(JsonObject document)
    {
        if (document.Find("paths") is not { } pathsMember)
        {
            yield break;
        }

        if (pathsMember.Value is not JsonObject paths)
        {
            Report(Descriptors.WrongKeywordType, pathsMember.Value, "paths", "an object", pathsMember.Value.Kind);
            yield break;
        }

        foreach (var path in paths.Members)
        {
            if (path.Value is not JsonObject operations || !path.Name.StartsWith("/", System.StringComparison.Ordinal))
            {
                continue;
            }

            foreach (var method in BodyMethods)
            {
                if (operations.Find(method)?.Value is not JsonObject operation
                    || Follow(operation.Find("requestBody")?.Value) is not JsonObject body
                    || body.Find("content")?.Value is not JsonObject contentTypes
                    || contentTypes.Find("application/json")?.Value is not JsonObject media
                    || Follow(media.Find("schema")?.Value) is not JsonObject schema)
                {
                    continue;
                }

                var alternatives = schema.Find("oneOf")?.Value as JsonArray;
                var branches = alternatives is null ? new JsonNode[] { schema } : alternatives.Items;
                foreach (var node in branches)
                {
                    if (Follow(node) is JsonObject branch)
                    {
                        yield return (path.Name, branch);
                    }
                }
            }
        }
    }

    /// <summary>One branch as a model; null when the branch fixes no single <c>model</c> (an action request, say).</summary>
    private SchemaParseResult? ReadBranch(JsonObject branch, string endpoint)
    {
        if (branch.Find("properties") is { Value: not JsonObject } badProperties)
        {
            Report(Descriptors.WrongKeywordType, badProperties.Value, "properties", "an object", badProperties.Value.Kind);
            return Result(null) with { FromDocument = true };
        }

        if (branch.Find("properties")?.Value is not JsonObject properties
            || Follow(properties.Find("model")?.Value) is not JsonObject modelSchema)
        {
            return null;
        }

        if (modelSchema.Find("enum") is { Value: not JsonArray } badEnum)
        {
            Report(Descriptors.WrongKeywordType, badEnum.Value, "enum", "an array", badEnum.Value.Kind);
            return Result(null) with { FromDocument = true };
        }

        // A model of many values (or none) is not one model: such a branch, like an action request, is not ours.
        var single = SingleValue(modelSchema);
        if (single is null)
        {
            return null;
        }

        if (single is not JsonString idNode)
        {
            Report(Descriptors.WrongKeywordType, single, "model", "a string (the model id)", single.Kind);
            return Result(null) with { FromDocument = true };
        }

        // The model member is written as a fixed value, never read as a member; its own keywords still must agree.
        if (modelSchema.Find("type") is { Value: not JsonString { Value: "string" } } modelType)
        {
            Report(Descriptors.WrongKeywordType, modelType.Value, "type", "\"string\" (a model id is a string)", modelType.Value.Kind);
            return Result(null) with { FromDocument = true };
        }

        if (idNode.Value.Length == 0)
        {
            Report(Descriptors.InvalidApiframeBlock, idNode, "(here the OpenAPI branch's model) needs a non-empty model id");
            return Result(null) with { FromDocument = true };
        }

        string? paramsKey = null;
        var objects = properties.Members.Where(m => Follow(m.Value) is JsonObject value && IsObjectSchema(value)).ToList();
        if (objects.Count == 1)
        {
            paramsKey = objects[0].Name;
        }

        var modality = Modality(endpoint);
        var info = new ApiframeInfo(idNode.Value, idNode, endpoint, paramsKey, null, null, modality, DocumentAverageSeconds(modality));
        var claim = new SourceSpan(_path, Span(idNode.Start, idNode.End), LineSpan(idNode.Start, idNode.End));
        var model = ReadModel(branch, info);
        return Result(_hasErrors ? null : model) with { ClaimedModelId = idNode.Value, ClaimLocation = claim, FromDocument = true };
    }

    /// <summary>The value a one-value <c>enum</c> or a <c>const</c> fixes, or null.</summary>
    private static JsonNode? SingleValue(JsonObject schema)
    {
        if (schema.Find("const") is { } constant)
        {
            return constant.Value;
        }

        return schema.Find("enum")?.Value is JsonArray { Items.Count: 1 } values ? values.Items[0] : null;
    }

    private static bool IsObjectSchema(JsonObject schema) =>
        schema.Find("type")?.Value is JsonString { Value: "object" } || (schema.Find("type") is null && schema.Find("properties") is not null);

    /// <summary>The schema a <c>$ref</c> points at (followed through chains), or the node itself.</summary>
    private JsonNode? Follow(JsonNode? node)
    {
        for (var hops = 0; hops < MaxRefDepth && node is JsonObject obj && obj.Find("$ref")?.Value is JsonString reference; hops++)
        {
            node = ResolvePointer(reference.Value);
            if (node is null)
            {
                return null;
            }
        }

        return node;
    }

    /// <summary>A local JSON pointer (<c>#/components/schemas/Name</c>) in this document, or null.</summary>
    private JsonNode? ResolvePointer(string reference)
    {
        if (_document is null || !reference.StartsWith("#", System.StringComparison.Ordinal))
        {
            return null;
        }

        JsonNode current = _document;
        foreach (var raw in reference.Substring(1).Split('/').Skip(1))
        {
            var token = System.Uri.UnescapeDataString(raw).Replace("~1", "/").Replace("~0", "~");
            switch (current)
            {
                case JsonObject obj when obj.Find(token) is { } member:
                    current = member.Value;
                    break;
                case JsonArray array when int.TryParse(token, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index) && index < array.Items.Count:
                    current = array.Items[index];
                    break;
                default:
                    return null;
            }
        }

        return current;
    }

    private static string? Modality(string endpoint) =>
        endpoint.StartsWith("/v2/images/", System.StringComparison.Ordinal) ? "image"
        : endpoint.StartsWith("/v2/videos/", System.StringComparison.Ordinal) ? "video"
        : endpoint.StartsWith("/v2/music/", System.StringComparison.Ordinal) ? "music"
        : null;

    /// <summary>The document says nothing of how long a job takes; these documented defaults (README) schedule the
    /// client's first poll: 10 s for an image, 60 s for music, 120 s for a video.</summary>
    private static string DocumentAverageSeconds(string? modality) => modality switch
    {
        "video" => "120",
        "music" => "60",
        _ => DefaultAverageSeconds,
    };
}
