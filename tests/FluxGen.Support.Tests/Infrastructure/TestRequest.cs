using System;
using System.Text.Json;
using Apiframe;
using Apiframe.Validation;

namespace FluxGen.Support.Tests.Infrastructure;

/// <summary>A hand-written stand-in for a generated request record.</summary>
public sealed class TestRequest : IApiframeRequest
{
    public static readonly ApiframeModelInfo Info =
        new("flux-1.1-pro", "/v2/images/generate", "fluxParams", "Black Forest Labs", "image", TimeSpan.FromSeconds(10));

    public TestRequest(string prompt) => Prompt = prompt;

    public string Prompt { get; init; }

    public int? OutputQuality { get; init; }

    public int ValidateCalls { get; private set; }

    public ApiframeModelInfo ModelInfo { get; init; } = Info;

    public void Validate()
    {
        ValidateCalls++;
        var errors = new ValidationErrors();
        errors.Length("prompt", Prompt, 1, 2000);
        errors.Range("fluxParams.output_quality", OutputQuality, "0", "100");
        errors.ThrowIfAny();
    }

    public void WriteTo(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteString("prompt", Prompt);
        writer.WriteString("model", ModelInfo.Id);
        if (OutputQuality is { } quality)
        {
            writer.WriteStartObject("fluxParams");
            writer.WriteNumber("output_quality", quality);
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }
}
