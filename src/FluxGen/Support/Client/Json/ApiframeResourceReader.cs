using System;
using System.Collections.Generic;
using System.Text.Json;

namespace Apiframe;

// Reads the replies of uploads, the catalogue, the account and assets by hand (no reflection: AOT, trimming). A
// member the document requires but the reply lacks reads as empty rather than failing, as for jobs.
internal static class ApiframeResourceReader
{
    internal static ApiframeUpload ReadUpload(ReadOnlyMemory<byte> body)
    {
        using var document = ApiframeJson.Parse(body);
        var root = document.RootElement;
        var url = ApiframeJson.String(root, "url");
        if (url is not { Length: > 0 })
        {
            throw new JsonException("The upload reply has no url.");
        }

        return new ApiframeUpload
        {
            Id = ApiframeJson.String(root, "id") ?? string.Empty,
            Url = url,
            Kind = ApiframeJson.String(root, "kind") ?? string.Empty,
            ContentType = ApiframeJson.String(root, "contentType") ?? string.Empty,
            ByteSize = ApiframeJson.Long(root, "byteSize") ?? 0,
            ExpiresAt = ApiframeJson.Date(root, "expiresAt"),
        };
    }

    internal static IReadOnlyList<ApiframeModelEntry> ReadModels(ReadOnlyMemory<byte> body)
    {
        using var document = ApiframeJson.Parse(body);
        var entries = new List<ApiframeModelEntry>();
        if (!ApiframeJson.TryMember(document.RootElement, "models", out var models) || models.ValueKind != JsonValueKind.Array)
        {
            throw new JsonException("The catalogue reply has no models array.");
        }

        foreach (var model in models.EnumerateArray())
        {
            if (model.ValueKind == JsonValueKind.Object)
            {
                entries.Add(ReadModel(model));
            }
        }

        return entries;
    }

    internal static ApiframeAccount ReadAccount(ReadOnlyMemory<byte> body)
    {
        using var document = ApiframeJson.Parse(body);
        var root = document.RootElement;
        if (!ApiframeJson.TryMember(root, "user", out var user) || user.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException("The account reply has no user.");
        }

        return new ApiframeAccount
        {
            User = new ApiframeAccountUser
            {
                Id = ApiframeJson.String(user, "id") ?? string.Empty,
                Email = ApiframeJson.String(user, "email") ?? string.Empty,
                Role = ApiframeJson.String(user, "role") ?? string.Empty,
            },
            Team = ApiframeJson.TryMember(root, "team", out var team) && team.ValueKind == JsonValueKind.Object ? ReadTeam(team) : null,
            ApiKey = ApiframeJson.TryMember(root, "apiKey", out var key) && key.ValueKind == JsonValueKind.Object ? ReadKey(key) : null,
        };
    }

    internal static JsonElement ReadObject(ReadOnlyMemory<byte> body)
    {
        using var document = ApiframeJson.Parse(body);
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException("The reply is not a JSON object.");
        }

        return document.RootElement.Clone();
    }

    private static ApiframeAccountTeam ReadTeam(JsonElement team) => new()
    {
        Id = ApiframeJson.String(team, "id") ?? string.Empty,
        Name = ApiframeJson.String(team, "name") ?? string.Empty,
        Credits = ApiframeJson.Long(team, "credits") ?? 0,
        Plan = ApiframeJson.String(team, "plan") ?? string.Empty,
        CustomerId = ApiframeJson.String(team, "customerId"),
    };

    private static ApiframeAccountApiKey ReadKey(JsonElement key) => new()
    {
        Id = ApiframeJson.String(key, "id") ?? string.Empty,
        Name = ApiframeJson.String(key, "name") ?? string.Empty,
        Prefix = ApiframeJson.String(key, "prefix") ?? string.Empty,
    };

    private static ApiframeModelEntry ReadModel(JsonElement model)
    {
        var extra = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var member in model.EnumerateObject())
        {
            if (!IsModeled(member.Name))
            {
                extra[member.Name] = member.Value.Clone();
            }
        }

        return new ApiframeModelEntry
        {
            Id = ApiframeJson.String(model, "id") ?? string.Empty,
            Label = ApiframeJson.String(model, "label") ?? string.Empty,
            Modality = ApiframeJson.String(model, "modality") ?? string.Empty,
            Description = ApiframeJson.String(model, "description"),
            CostMin = ApiframeJson.Double(model, "costMin"),
            CostMax = ApiframeJson.Double(model, "costMax"),
            PricingMode = ApiframeJson.String(model, "pricingMode"),
            AdditionalProperties = extra,
        };
    }

    private static bool IsModeled(string name) =>
        name is "id" or "label" or "modality" or "description" or "costMin" or "costMax" or "pricingMode";
}
