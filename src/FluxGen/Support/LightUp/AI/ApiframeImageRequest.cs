using System;
using System.Collections.Generic;
using System.Text.Json;
using Apiframe.Validation;

namespace Apiframe;

/// <summary>
/// A text-to-image request built from a prompt and <c>ImageGenerationOptions</c> for any model of
/// <see cref="ApiframeImageModels"/>: the prompt, the model id and the few params the options map onto. The values
/// come from the model's own schema (its ratios, formats and bounds), so the request is valid by construction;
/// <see cref="Validate"/> still checks the prompt, which is the caller's.
/// </summary>
internal sealed class ApiframeImageRequest : IApiframeRequest
{
    private readonly ApiframeImageModel _model;
    private readonly List<KeyValuePair<string, object>> _params;

    public ApiframeImageRequest(ApiframeImageModel model, string? prompt, List<KeyValuePair<string, object>> parameters)
    {
        _model = model;
        Prompt = prompt;
        _params = parameters;
    }

    public string? Prompt { get; }

    public ApiframeModelInfo ModelInfo => _model.Info;

    public void Validate()
    {
        var errors = new ValidationErrors();
        errors.Required("prompt", Prompt);
        errors.Length("prompt", Prompt, 1, -1);
        errors.ThrowIfAny();
    }

    public void WriteTo(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteString("prompt", Prompt);
        writer.WriteString("model", _model.Id);
        if (ModelInfo.ParamsKey is { } key && (_params.Count > 0 || _model.RequiresBlock))
        {
            writer.WriteStartObject(key);
            foreach (var (name, value) in _params)
            {
                switch (value)
                {
                    case int number:
                        writer.WriteNumber(name, number);
                        break;
                    case string text:
                        writer.WriteString(name, text);
                        break;
                    case string[] list:
                        writer.WriteStartArray(name);
                        foreach (var item in list)
                        {
                            writer.WriteStringValue(item);
                        }

                        writer.WriteEndArray();
                        break;
                    default:
                        throw new InvalidOperationException($"A {value.GetType().Name} cannot be written as {key}.{name}.");
                }
            }

            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    /// <summary>The model, for logs (never the prompt, which may be private).</summary>
    public override string ToString() => _model.Id + " request";
}
