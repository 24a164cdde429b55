using System;

namespace Apiframe;

/// <summary>What a schema's <c>x-apiframe</c> block says about its model.</summary>
/// <param name="Id">The model id sent as <c>model</c>, for example <c>flux-1.1-pro</c>.</param>
/// <param name="Endpoint">The path a request is posted to, for example <c>/v2/images/generate</c>.</param>
/// <param name="ParamsKey">The JSON member that holds the model's own parameters, for example <c>fluxParams</c>.</param>
/// <param name="Provider">Who runs the model.</param>
/// <param name="Modality">What it makes: <c>image</c>, <c>video</c>, ...</param>
/// <param name="AverageDuration">How long one generation usually takes; the client schedules its first poll from it.</param>
public sealed record ApiframeModelInfo(string Id, string Endpoint, string? ParamsKey, string? Provider, string? Modality, TimeSpan AverageDuration);
