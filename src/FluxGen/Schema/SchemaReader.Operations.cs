using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using FluxGen.Schema.Json;
using FluxGen.Schema.Model;

namespace FluxGen.Schema;

/// <summary>
/// The document's request bodies that are records but not models, read by the same code as a model so they get the
/// same members, constraint attributes, validation and analyzer checks: every branch of an action union
/// (<c>POST /v2/{modality}/{model}/action</c>, one fixed <c>action</c> each), and the bodies of the client's calls
/// listed in <see cref="Calls"/>.
/// </summary>
internal sealed partial class SchemaReader
{
    private const string JsonMedia = "application/json";
    private const string FormMedia = "multipart/form-data";

    /// <summary>The bodies the client sends with a method of its own: the path, the body's media type, the record's
    /// prefix, the client method and what it returns. Listed rather than guessed, as each needs its own client method anyway.</summary>
    internal static readonly (string Path, string Media, string Prefix, string Method, string Result)[] Calls =
    {
        ("/v2/assets/create", JsonMedia, "CreateAsset", "CreateAssetAsync", "string"),
        ("/v2/loras", FormMedia, "CreateLora", "CreateLoraAsync", "global::Apiframe.ApiframeLora"),
    };

    // The document says some rules in words only: "Required when `subjectKind === "person"`."
    private static readonly Regex RequiredWhen = new(@"^Required when `(?<member>[A-Za-z_][A-Za-z0-9_]*)\s*===?\s*""(?<value>[^""`]*)""`\.?$", RegexOptions.CultureInvariant);

    private OperationSpec? _operation;
    private string? _operationPrefix;

    private void ReadOperations(JsonObject document, List<SchemaParseResult> results)
    {
        if (document.Find("paths")?.Value is not JsonObject paths)
        {
            return;
        }

        foreach (var path in paths.Members)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            if (path.Value is not JsonObject operations || Follow(operations.Find("post")?.Value) is not JsonObject post)
            {
                continue;
            }

            if (ActionParent(path.Name) is { } parent)
            {
                if (Body(post, JsonMedia)?.Find("oneOf")?.Value is JsonArray branches)
                {
                    foreach (var node in branches.Items)
                    {
                        if (Follow(node) is JsonObject branch && ReadAction(document, branch, path.Name, parent) is { } action)
                        {
                            results.Add(action);
                        }
                    }
                }

                continue;
            }

            foreach (var call in Calls)
            {
                if (call.Path == path.Name && Body(post, call.Media) is { } body)
                {
                    var kind = call.Media == FormMedia ? OperationKind.FormCall : OperationKind.JsonCall;
                    var operation = new OperationSpec(kind, null, null, call.Method, call.Result);
                    results.Add(ReadOperation(document, body, body, "POST " + path.Name, path.Name, call.Prefix, operation));
                }
            }
        }
    }

    private JsonObject? Body(JsonObject operation, string media) =>
        Follow(operation.Find("requestBody")?.Value) is JsonObject body
        && body.Find("content")?.Value is JsonObject contentTypes
        && contentTypes.Find(media)?.Value is JsonObject mediaType
        && Follow(mediaType.Find("schema")?.Value) is JsonObject schema
            ? schema
            : null;

    /// <summary>The model of <c>/v2/{modality}/{model}/action</c>, or null for any other path.</summary>
    private static string? ActionParent(string path)
    {
        var parts = path.Split('/');
        return parts.Length == 5 && parts[0].Length == 0 && parts[1] == "v2" && parts[4] == "action" && parts[3].Length > 0 ? parts[3] : null;
    }

    private SchemaParseResult? ReadAction(JsonObject document, JsonObject branch, string endpoint, string parent)
    {
        if (branch.Find("properties")?.Value is not JsonObject properties
            || Follow(properties.Find("action")?.Value) is not JsonObject actionSchema
            || SingleValue(actionSchema) is not JsonString { Value.Length: > 0 } action)
        {
            return null;
        }

        var prefix = Naming.ModelPrefix(parent) + Naming.Words(action.Value);
        var operation = new OperationSpec(OperationKind.Action, parent, action.Value, null, null);
        return ReadOperation(document, branch, action, parent + ":" + action.Value, endpoint, prefix, operation);
    }

    private SchemaParseResult ReadOperation(JsonObject document, JsonObject schema, JsonNode claimNode, string key, string endpoint, string prefix, OperationSpec operation)
    {
        var reader = new SchemaReader(_path, _text, _cancellationToken)
        {
            _document = document,
            _fromDocument = true,
            _operation = operation,
            _operationPrefix = prefix,
        };

        var modality = Modality(endpoint);
        var info = new ApiframeInfo(key, claimNode, endpoint, null, null, null, modality, DocumentAverageSeconds(modality));
        var claim = new SourceSpan(_path, reader.Span(claimNode.Start, claimNode.End), reader.LineSpan(claimNode.Start, claimNode.End));
        var model = reader.ReadModel(schema, info);
        return reader.Result(reader._hasErrors ? null : model) with { ClaimedModelId = key, ClaimLocation = claim, FromDocument = true };
    }

    /// <summary>An action's fixed <c>action</c> member: written as its one value, never set.</summary>
    private ValueSpec? OperationConstant(string memberName, bool isRoot) =>
        isRoot && _operation is { Kind: OperationKind.Action, Action: { } action } && memberName == "action"
            ? EmptyValue(ValueKind.String) with { Const = action }
            : null;

    /// <summary>The rules a document states only in a member's description ("Required when `subjectKind ===
    /// "person"`."), as conditional <c>dependentRequired</c> entries: one per member and value, in schema order.</summary>
    private static IEnumerable<DependentRequirement> RulesInWords(IReadOnlyList<PropertySpec> properties)
    {
        var rules = new List<(string Member, string Value, List<string> Required)>();
        foreach (var property in properties)
        {
            if (property.Description is not { } text || RequiredWhen.Match(text.Trim()) is not { Success: true } match)
            {
                continue;
            }

            var member = match.Groups["member"].Value;
            var value = match.Groups["value"].Value;
            var dependent = properties.FirstOrDefault(p => p.JsonName == member);

            // Only a rule the record can state: about another member of it, and a value that member may take.
            if (dependent is null || dependent == property || (dependent.Value.AllowedValues.Count > 0 && !dependent.Value.AllowedValues.Contains(value)))
            {
                continue;
            }

            var rule = rules.FirstOrDefault(r => r.Member == member && r.Value == value);
            if (rule.Required is null)
            {
                rule = (member, value, new List<string>());
                rules.Add(rule);
            }

            rule.Required.Add(property.JsonName);
        }

        return rules.Select(r => new DependentRequirement(r.Member, r.Required.ToEquatableArray()) { WhenValue = r.Value });
    }
}
