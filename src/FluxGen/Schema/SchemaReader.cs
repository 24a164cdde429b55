using System.Collections.Generic;
using System.Linq;
using System.Threading;
using FluxGen.Schema.Json;
using FluxGen.Schema.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace FluxGen.Schema;

/// <summary>
/// Reads one schema file into a <see cref="ModelSpec"/>. Every problem becomes a <see cref="DiagnosticInfo"/> at the
/// offending line; any error keeps the file from generating, but never stops the other files.
/// </summary>
internal sealed partial class SchemaReader
{
    private const string ApiframeKey = "x-apiframe";

    private static readonly HashSet<string> RootOnlyKeywords = new() { "$schema", "$id", ApiframeKey };

    private readonly string _path;
    private readonly SourceText _text;
    private readonly CancellationToken _cancellationToken;
    private readonly List<DiagnosticInfo> _diagnostics = new();
    private readonly List<ObjectSpec> _nestedObjects = new();
    private readonly List<EnumSpec> _enums = new();
    private readonly List<EnumSpec> _sharedEnums = new();
    private readonly HashSet<string> _typeNames = new();
    private string _prefix = string.Empty;
    private string? _paramsKey;
    private bool _hasErrors;

    private SchemaReader(string path, SourceText text, CancellationToken cancellationToken)
    {
        _path = path;
        _text = text;
        _cancellationToken = cancellationToken;
    }

    /// <summary>Reads an AdditionalFile; a file that is not an Apiframe schema yields no model and no diagnostic.</summary>
    public static SchemaParseResult Read(string path, SourceText? text, CancellationToken cancellationToken)
    {
        if (text is null)
        {
            return new SchemaParseResult(path, null, EquatableArray<DiagnosticInfo>.Empty);
        }

        var reader = new SchemaReader(path, text, cancellationToken);
        return reader.Read();
    }

    private SchemaParseResult Read()
    {
        var content = _text.ToString();

        // Only files that claim to be Apiframe schemas are ours to complain about; other JSON is none of our business.
        var claimsSchema = content.Contains("\"" + ApiframeKey + "\"");
        if (!claimsSchema)
        {
            return new SchemaParseResult(_path, null, EquatableArray<DiagnosticInfo>.Empty);
        }

        // JSON is UTF-8 (RFC 8259). The compiler decodes a file that is not valid UTF-8 with a fallback code page,
        // and a lenient decoder leaves U+FFFD where bytes were lost: either way the text is not what was written.
        var replacement = content.IndexOf('\uFFFD');
        if (_text.Encoding is { CodePage: not 65001 })
        {
            replacement = System.Math.Max(replacement, 0);
        }

        if (replacement >= 0)
        {
            Report(Descriptors.NotUtf8, replacement, replacement + 1, System.IO.Path.GetFileName(_path));
            return Result(null);
        }

        JsonNode root;
        try
        {
            root = JsonParser.Parse(content, _cancellationToken);
        }
        catch (JsonParseException ex)
        {
            Report(Descriptors.InvalidJson, ex.Position, ex.Position + 1, System.IO.Path.GetFileName(_path), ex.Message);
            return Result(null);
        }

        if (root is not JsonObject rootObject || rootObject.Find(ApiframeKey) is not { } apiframe)
        {
            return new SchemaParseResult(_path, null, EquatableArray<DiagnosticInfo>.Empty);
        }

        var info = ReadApiframeBlock(apiframe);
        if (info is null)
        {
            return Result(null);
        }

        var claim = new SourceSpan(_path, Span(info.Value.IdNode.Start, info.Value.IdNode.End), LineSpan(info.Value.IdNode.Start, info.Value.IdNode.End));
        var model = ReadModel(rootObject, info.Value);
        return Result(_hasErrors ? null : model) with { ClaimedModelId = info.Value.ModelId, ClaimLocation = claim };
    }

    private ModelSpec? ReadModel(JsonObject root, ApiframeInfo info)
    {
        _prefix = _operationPrefix ?? Naming.ModelPrefix(info.ModelId);
        _paramsKey = info.ParamsKey;
        if (!Naming.IsValidIdentifier(_prefix))
        {
            Report(Descriptors.InvalidIdentifier, info.IdNode, info.ModelId, _prefix);
            return null;
        }

        var typeCheck = root.Find("type");
        if (typeCheck is not null && (typeCheck.Value is not JsonString { Value: "object" }))
        {
            Report(Descriptors.UnsupportedShape, typeCheck.Value, "type", "the root of a model schema must be an object");
        }

        var requestName = _prefix + "Request";
        _typeNames.Add(requestName);
        var request = ReadObject(root, requestName, string.Empty, isRoot: true, info);
        if (request is null)
        {
            return null;
        }

        if (_paramsKey is not null && !request.Properties.Any(p => p.JsonName == _paramsKey && p.Value.Kind == ValueKind.Object))
        {
            Report(Descriptors.InvalidApiframeBlock, info.ParamsKeyNode ?? info.IdNode, $"names paramsKey '{_paramsKey}', but the schema has no object property of that name");
        }

        return new ModelSpec(
            _path,
            info.ModelId,
            _prefix,
            info.Endpoint,
            info.ParamsKey,
            info.Provider,
            info.Modality,
            info.AverageSeconds,
            request,
            _nestedObjects.ToEquatableArray(),
            _enums.ToEquatableArray(),
            _sharedEnums.ToEquatableArray()) { Operation = _operation };
    }

    private SchemaParseResult Result(ModelSpec? model) =>
        new(_path, model, _diagnostics.ToEquatableArray());

    private void Report(DiagnosticDescriptor descriptor, JsonNode node, params string[] arguments) =>
        Report(descriptor, node.Start, node.End, arguments);

    private void Report(DiagnosticDescriptor descriptor, int start, int end, params string[] arguments)
    {
        if (descriptor.DefaultSeverity == DiagnosticSeverity.Error)
        {
            _hasErrors = true;
        }

        var location = new SourceSpan(_path, Span(start, end), LineSpan(start, end));
        _diagnostics.Add(new DiagnosticInfo(descriptor.Id, location, arguments.ToEquatableArray()));
    }

    private TextSpan Span(int start, int end)
    {
        var length = _text.Length;
        start = System.Math.Max(0, System.Math.Min(start, length));
        end = System.Math.Max(start, System.Math.Min(end, length));
        return TextSpan.FromBounds(start, end);
    }

    private LinePositionSpan LineSpan(int start, int end) => _text.Lines.GetLinePositionSpan(Span(start, end));
}
