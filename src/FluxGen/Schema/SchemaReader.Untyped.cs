using System.Linq;
using FluxGen.Schema.Json;
using FluxGen.Schema.Model;

namespace FluxGen.Schema;

/// <summary>
/// In an OpenAPI document a member FluxGen cannot type is never a reason to drop a model: it becomes raw JSON
/// (<see cref="ValueKind.Json"/>, a <c>JsonElement?</c>) with its schema in the docs and an Info diagnostic. Only shape
/// problems fall back this way; a schema that contradicts itself is still an error.
/// </summary>
internal sealed partial class SchemaReader
{
    private ValueSpec? ReadMember(JsonNode node, string path, string memberName, bool atRoot)
    {
        if (!_fromDocument)
        {
            return ReadValue(node, path, memberName, atRoot);
        }

        var diagnostics = _diagnostics.Count;
        var nested = _nestedObjects.Count;
        var enums = _enums.Count;
        var shared = _sharedEnums.Count;
        var hadErrors = _hasErrors;

        var value = ReadValue(node, path, memberName, atRoot);
        if (_diagnostics.Count == diagnostics)
        {
            return value;
        }

        var added = _diagnostics.GetRange(diagnostics, _diagnostics.Count - diagnostics);
        var shapeOnly = added.Any(d => d.DescriptorId is "FLUXGEN004" or "FLUXGEN011") && added.All(d => d.DescriptorId is "FLUXGEN004" or "FLUXGEN011" or "FLUXGEN014");
        if (!shapeOnly)
        {
            return value;
        }

        // Roll back whatever the failed read declared, then keep the member as raw JSON.
        _diagnostics.RemoveRange(diagnostics, _diagnostics.Count - diagnostics);
        _nestedObjects.RemoveRange(nested, _nestedObjects.Count - nested);
        _enums.RemoveRange(enums, _enums.Count - enums);
        _sharedEnums.RemoveRange(shared, _sharedEnums.Count - shared);
        // Every generated type name belongs to the request or to one of these lists, so the set is rebuilt from them
        // instead of being copied before every member (the rare rollback pays, not every read).
        _typeNames.Clear();
        _typeNames.Add(_prefix + "Request");
        _typeNames.UnionWith(_nestedObjects.Select(o => o.TypeName));
        _typeNames.UnionWith(_enums.Select(e => e.TypeName));
        _typeNames.UnionWith(_sharedEnums.Select(e => e.TypeName));
        _hasErrors = hadErrors;

        var reason = string.Join("; ", added.Select(d => string.Join(": ", d.Arguments)));
        Report(Descriptors.UntypedMember, node, path, reason);
        var schemaText = _text.ToString(Span(node.Start, node.End));
        return EmptyValue(ValueKind.Json) with { SchemaText = schemaText, UntypedReason = reason };
    }
}
