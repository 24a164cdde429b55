using System;
using System.Collections.Immutable;
using System.Linq;
using FluxGen.Schema.Model;

namespace FluxGen.Emit.LightForms;

/// <summary>What a light form needs of one document model: its names and the facts its summary gives. Small and
/// equatable, so a document edit that leaves them alone leaves the light forms cached.</summary>
/// <param name="ModelId">The model id the request posts.</param>
/// <param name="Prefix">The type-name prefix, which a schema file's claim can take over.</param>
/// <param name="Modality">image, video or music, when the document says.</param>
/// <param name="Endpoint">The path the request is posted to.</param>
/// <param name="RequestTypeName">The request record's name.</param>
/// <param name="ParamsTypeName">The params record's name, for a model that has one.</param>
/// <param name="Names">Every record name of the model that, named in code, writes it in full (as
/// <see cref="Usage.ModelUsage.FirstNamed"/> decides).</param>
/// <param name="FilePath">The document, to settle claims.</param>
/// <param name="ClaimPosition">Where in the document the model claims its id, to settle claims.</param>
internal sealed record LightModel(string ModelId, string Prefix, string? Modality, string Endpoint, string RequestTypeName, string? ParamsTypeName, EquatableArray<string> Names, string FilePath, int ClaimPosition)
{
    /// <summary>The light model of a document's model, or <see langword="null"/> for a schema file's (always written
    /// in full) or a model the document could not describe.</summary>
    public static LightModel? From(SchemaParseResult parsed)
    {
        if (!parsed.FromDocument || parsed.Model is not { } model)
        {
            return null;
        }

        var paramsType = model.ParamsKey is { } key
            ? model.Request.Properties.FirstOrDefault(p => p.JsonName == key && p.Value.Kind == ValueKind.Object)?.Value.TypeName
            : null;
        return new LightModel(model.ModelId, model.Prefix, model.Modality, model.Endpoint, model.Request.TypeName, paramsType,
            new[] { model.Request.TypeName }.Concat(model.NestedObjects.Select(o => o.TypeName)).ToEquatableArray(), parsed.FilePath, parsed.ClaimLocation?.Span.Start ?? 0)
        {
            OperationSummary = model.Operation is { } operation ? Describe(model, operation) : null,
        };
    }

    /// <summary>For an action or a call's body, the summary its form gives in place of a model's.</summary>
    public string? OperationSummary { get; init; }

    private static string Describe(ModelSpec model, OperationSpec operation) =>
        (operation.Kind == OperationKind.Action
            ? "The <c>" + Literals.Xml(operation.Action!) + "</c> action on a completed <c>" + Literals.Xml(model.RequestModelId) + "</c> job"
            : "The body of <c>ApiframeClient." + Literals.Xml(operation.ClientMethod!) + "</c>")
        + ", posted to <c>" + Literals.Xml(model.Endpoint) + "</c>. Name the type and FluxGen writes its members.";

    /// <summary>Whether the code names one of this model's types, which writes the model in full instead.</summary>
    public bool IsNamedIn(EquatableArray<string> named)
    {
        // A loop rather than Any with a lambda: asked for each of a document's hundred models in every build.
        foreach (var name in Names)
        {
            if (Contains(named, name))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Contains(EquatableArray<string> sorted, string name) =>
        sorted.AsImmutableArray().BinarySearch(name, StringComparer.Ordinal) >= 0;
}
