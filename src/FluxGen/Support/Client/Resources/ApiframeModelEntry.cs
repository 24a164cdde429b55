using System;
using System.Collections.Generic;
using System.Text.Json;

namespace Apiframe;

/// <summary>One model of the catalogue <c>GET /v2/models</c> returns.</summary>
public sealed class ApiframeModelEntry
{
    /// <summary>The model id to send, such as <c>flux-1.1-pro</c>.</summary>
    public string Id { get; init; } = string.Empty;

    /// <summary>The name to show.</summary>
    public string Label { get; init; } = string.Empty;

    /// <summary><c>image</c>, <c>video</c> or <c>music</c>.</summary>
    public string Modality { get; init; } = string.Empty;

    /// <summary>What the model is good at, when the catalogue says.</summary>
    public string? Description { get; init; }

    /// <summary>The lowest cost in credits, when the catalogue says.</summary>
    public double? CostMin { get; init; }

    /// <summary>The highest cost in credits, when the catalogue says.</summary>
    public double? CostMax { get; init; }

    /// <summary>How the model is priced: <c>flat</c>, <c>per-second</c>, <c>per-output</c>, or a later value.</summary>
    public string? PricingMode { get; init; }

    /// <summary>Every other member of the entry (the catalogue's schema allows any), each owning its memory.</summary>
    public IReadOnlyDictionary<string, JsonElement> AdditionalProperties { get; init; } = new Dictionary<string, JsonElement>();

    /// <summary>The id and modality.</summary>
    public override string ToString() => $"{Id} ({Modality})";
}
