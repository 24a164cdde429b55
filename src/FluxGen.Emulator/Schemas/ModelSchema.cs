using System.Text.Json;

namespace FluxGen.Emulator.Schemas;

/// <summary>One model's input schema and the <c>x-apiframe</c> facts the emulator runs it by.</summary>
/// <param name="Model">The <c>model</c> value a request names.</param>
/// <param name="Endpoint">The route the model is submitted to, for example <c>/v2/images/generate</c>.</param>
/// <param name="ParamsKey">The model's parameter block, for example <c>fluxParams</c>; null when it has none.</param>
/// <param name="AverageSeconds">How long a real generation takes on average.</param>
/// <param name="Root">The schema document's root object.</param>
internal sealed record ModelSchema(string Model, string Endpoint, string? ParamsKey, double AverageSeconds, JsonElement Root)
{
    /// <summary><c>image</c>, <c>video</c> or <c>music</c>; decides what file a job produces.</summary>
    public string? Modality { get; init; }

    /// <summary>For a model from an OpenAPI document: the document, against which <c>$ref</c>s resolve.</summary>
    public JsonElement? Document { get; init; }

    /// <summary>The root <c>$ref</c>s resolve against.</summary>
    public JsonElement RefRoot => Document ?? Root;
}
