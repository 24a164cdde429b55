using System.Text.Json;
using FluxGen.Emulator.Hosting;
using FluxGen.Emulator.Schemas;
using Microsoft.AspNetCore.Http;

namespace FluxGen.Emulator.Endpoints;

/// <summary>An asset registered with <c>/v2/assets/create</c>.</summary>
internal sealed record StoredAsset(string Id, string ApiKey, string Url, string Type, DateTimeOffset CreatedAt);

/// <summary>
/// <c>POST /v2/assets/create</c> (the document's <c>CreateAssetRequest</c>, validated against it) answers 201
/// <c>{"assetId"}</c>; <c>GET /v2/assets/{assetId}</c> answers the caller's asset (the document leaves its shape open:
/// id, url, type, status <c>ready</c>, createdAt), 404 for an unknown or another caller's id.
/// </summary>
internal static class AssetEndpoints
{
    public static async Task CreateAsync(HttpContext context, EmulatorState state)
    {
        var apiKey = (string)context.Items[EmulatorPipeline.ApiKeyItem]!;
        if (await SubmitEndpoint.ReadObjectAsync(context).ConfigureAwait(false) is not var (body, _))
        {
            return;
        }

        if (Schema(state) is not var (document, schema))
        {
            await Replies.Error(context, StatusCodes.Status404NotFound, "Not found.").ConfigureAwait(false);
            return;
        }

        var errors = SchemaValidator.Validate(document, schema, body);
        if (errors.Count > 0)
        {
            await Replies.ValidationFailed(context, errors).ConfigureAwait(false);
            return;
        }

        // The schema has made both required strings.
        var asset = new StoredAsset(Guid.NewGuid().ToString(), apiKey, body.GetProperty("url").GetString()!, body.GetProperty("type").GetString()!, state.Clock.UtcNow);
        state.Assets[asset.Id] = asset;
        await Replies.Json(context, StatusCodes.Status201Created, w =>
        {
            w.WriteStartObject();
            w.WriteString("assetId", asset.Id);
            w.WriteEndObject();
        }).ConfigureAwait(false);
    }

    public static Task GetAsync(HttpContext context, EmulatorState state)
    {
        var apiKey = (string)context.Items[EmulatorPipeline.ApiKeyItem]!;
        var id = (string?)context.Request.RouteValues["assetId"] ?? string.Empty;
        if (!state.Assets.TryGetValue(id, out var asset) || asset.ApiKey != apiKey)
        {
            return Replies.Error(context, StatusCodes.Status404NotFound, "Asset not found.");
        }

        return Replies.Json(context, StatusCodes.Status200OK, w =>
        {
            w.WriteStartObject();
            w.WriteString("id", asset.Id);
            w.WriteString("url", asset.Url);
            w.WriteString("type", asset.Type);
            w.WriteString("status", "ready");
            w.WriteString("createdAt", Jobs.JobJson.Timestamp(asset.CreatedAt));
            w.WriteEndObject();
        });
    }

    /// <summary>Whether a document the emulator serves defines the request, so the routes exist only where they validate.</summary>
    public static bool IsServed(EmulatorState state) => Schema(state) is not null;

    private static (JsonElement Document, JsonElement Schema)? Schema(EmulatorState state)
    {
        foreach (var model in state.Catalog.Models)
        {
            if (state.Catalog.TryGet(model, out var schema) && schema.Document is { } document
                && document.TryGetProperty("components", out var components) && components.ValueKind == JsonValueKind.Object
                && components.TryGetProperty("schemas", out var schemas) && schemas.ValueKind == JsonValueKind.Object
                && schemas.TryGetProperty("CreateAssetRequest", out var request))
            {
                return (document, request);
            }
        }

        return null;
    }
}
