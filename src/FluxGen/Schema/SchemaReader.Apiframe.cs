using FluxGen.Schema.Json;
using FluxGen.Schema.Model;
using Apiframe.Validation;

namespace FluxGen.Schema;

internal sealed partial class SchemaReader
{
    private const string DefaultAverageSeconds = "10";

    /// <summary>The x-apiframe block: the model's identity and how the client should treat it.</summary>
    private readonly struct ApiframeInfo
    {
        public ApiframeInfo(string modelId, JsonNode idNode, string endpoint, string? paramsKey, JsonNode? paramsKeyNode, string? provider, string? modality, string averageSeconds)
        {
            ModelId = modelId;
            IdNode = idNode;
            Endpoint = endpoint;
            ParamsKey = paramsKey;
            ParamsKeyNode = paramsKeyNode;
            Provider = provider;
            Modality = modality;
            AverageSeconds = averageSeconds;
        }

        public string ModelId { get; }

        public JsonNode IdNode { get; }

        public string Endpoint { get; }

        public string? ParamsKey { get; }

        public JsonNode? ParamsKeyNode { get; }

        public string? Provider { get; }

        public string? Modality { get; }

        public string AverageSeconds { get; }
    }

    private ApiframeInfo? ReadApiframeBlock(JsonMember member)
    {
        if (member.Value is not JsonObject block)
        {
            Report(Descriptors.WrongKeywordType, member.Value, "x-apiframe", "an object", member.Value.Kind);
            return null;
        }

        string? modelId = null, endpoint = null, paramsKey = null, provider = null, modality = null;
        JsonNode? idNode = null, paramsKeyNode = null;
        var averageSeconds = DefaultAverageSeconds;
        var ok = true;
        foreach (var entry in block.Members)
        {
            switch (entry.Name)
            {
                case "model":
                    modelId = ApiframeString(entry, ref ok);
                    idNode = entry.Value;
                    break;
                case "endpoint":
                    endpoint = ApiframeString(entry, ref ok);
                    if (endpoint is not null && !endpoint.StartsWith("/", System.StringComparison.Ordinal))
                    {
                        Report(Descriptors.InvalidApiframeBlock, entry.Value, $"has endpoint '{endpoint}', which must be a path starting with '/'");
                        ok = false;
                    }

                    break;
                case "paramsKey":
                    paramsKey = ApiframeString(entry, ref ok);
                    paramsKeyNode = entry.Value;
                    break;
                case "provider":
                    provider = ApiframeString(entry, ref ok);
                    break;
                case "modality":
                    modality = ApiframeString(entry, ref ok);
                    break;
                case "averageSeconds":
                    if (entry.Value is not JsonNumber number)
                    {
                        Report(Descriptors.WrongKeywordType, entry.Value, "x-apiframe.averageSeconds", "a number", entry.Value.Kind);
                        ok = false;
                    }
                    else if (!SchemaNumber.TryParse(number.Text, out var seconds) || seconds.IsZero || seconds.Mantissa.Sign < 0 || seconds > SchemaNumber.FromInt64(86_400))
                    {
                        Report(Descriptors.NumberOutOfRange, entry.Value, "x-apiframe.averageSeconds", number.Text, "must be more than 0 and at most 86400 seconds");
                        ok = false;
                    }
                    else
                    {
                        averageSeconds = seconds.ToString();
                    }

                    break;
                default:
                    if (!entry.Name.StartsWith("x-", System.StringComparison.Ordinal))
                    {
                        Report(Descriptors.InvalidApiframeBlock, entry.NameStart, entry.NameEnd, $"has an unknown member '{entry.Name}' (known: model, endpoint, paramsKey, provider, modality, averageSeconds)");
                        ok = false;
                    }

                    break;
            }
        }

        if (modelId is null || idNode is null)
        {
            if (ok)
            {
                Report(Descriptors.InvalidApiframeBlock, block, "has no 'model' (the model id, for example \"flux-1.1-pro\")");
            }

            return null;
        }

        if (endpoint is null)
        {
            if (ok)
            {
                Report(Descriptors.InvalidApiframeBlock, block, "has no 'endpoint' (for example \"/v2/images/generate\")");
            }

            return null;
        }

        return ok ? new ApiframeInfo(modelId, idNode, endpoint, paramsKey, paramsKeyNode, provider, modality, averageSeconds) : null;
    }

    private string? ApiframeString(JsonMember entry, ref bool ok)
    {
        if (entry.Value is JsonString { Value.Length: > 0 } text)
        {
            return text.Value;
        }

        Report(Descriptors.WrongKeywordType, entry.Value, "x-apiframe." + entry.Name, "a non-empty string", entry.Value.Kind);
        ok = false;
        return null;
    }

}
