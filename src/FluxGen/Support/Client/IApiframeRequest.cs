using System.Text.Json;

namespace Apiframe;

/// <summary>
/// A request body for one model, as FluxGen generates it from that model's schema. The client needs nothing
/// else to submit it: where it goes, how long it usually takes, how to check it and how to write it.
/// </summary>
public interface IApiframeRequest
{
    /// <summary>The model this request is for, from the schema's <c>x-apiframe</c> block.</summary>
    ApiframeModelInfo ModelInfo { get; }

    /// <summary>Throws <see cref="Validation.ApiframeValidationException"/> listing every schema violation.</summary>
    void Validate();

    /// <summary>Writes the exact JSON body the API takes.</summary>
    void WriteTo(Utf8JsonWriter writer);
}
