using System.Text.Json;
using FluxGen.Emulator.Hosting;
using FluxGen.Emulator.Jobs;
using FluxGen.Emulator.Schemas;
using Microsoft.AspNetCore.Http;

namespace FluxGen.Emulator.Endpoints;

/// <summary>
/// <c>POST /v2/images/midjourney/action</c> and <c>POST /v2/music/suno/action</c>: a follow-up on a completed job of
/// the caller's, validated against the document's <c>MidjourneyActionRequest</c> / <c>SunoActionRequest</c>, then
/// created, billed and replayed exactly like a submission. Which actions a parent allows follows the operations'
/// descriptions: Midjourney's grid actions (<c>upsample</c>, <c>variation</c>) act on a grid, its upsample actions
/// (<c>inpaint</c>, <c>outpaint</c>, <c>pan</c>) on an upsample; a Suno <c>stems</c> result takes no further action.
/// </summary>
internal static class ActionEndpoint
{
    public const string MidjourneyPath = "/v2/images/midjourney/action";
    public const string SunoPath = "/v2/music/suno/action";

    private static readonly string[] GridActions = ["upsample", "variation"];
    private static readonly string[] UpsampleActions = ["inpaint", "outpaint", "pan"];

    public static Task MidjourneyAsync(HttpContext context, EmulatorState state) =>
        HandleAsync(context, state, "midjourney", "MidjourneyActionRequest");

    public static Task SunoAsync(HttpContext context, EmulatorState state) =>
        HandleAsync(context, state, "suno", "SunoActionRequest");

    /// <summary>Whether the document defines the action schema, so the route is served only where it can validate.</summary>
    public static bool IsServed(EmulatorState state, string parentModel, string schemaName) =>
        ActionSchema(state, parentModel, schemaName) is not null;

    private static async Task HandleAsync(HttpContext context, EmulatorState state, string parentModel, string schemaName)
    {
        var apiKey = (string)context.Items[EmulatorPipeline.ApiKeyItem]!;
        if (await SubmitEndpoint.ReadObjectAsync(context).ConfigureAwait(false) is not var (body, bodyBytes))
        {
            return;
        }

        if (ActionSchema(state, parentModel, schemaName) is not var (modelSchema, actionSchema))
        {
            await Replies.Error(context, StatusCodes.Status404NotFound, "Not found.").ConfigureAwait(false);
            return;
        }

        var errors = SchemaValidator.Validate(modelSchema.RefRoot, actionSchema, body);
        if (errors.Count > 0)
        {
            await Replies.ValidationFailed(context, errors).ConfigureAwait(false);
            return;
        }

        // The schema has made both of these strings: required, and parentJobId a UUID.
        var action = body.GetProperty("action").GetString()!;
        var parent = state.Jobs.Find(body.GetProperty("parentJobId").GetString()!);
        if (parent is null || parent.ApiKey != apiKey)
        {
            await Replies.Error(context, StatusCodes.Status404NotFound, "Parent job not found.").ConfigureAwait(false);
            return;
        }

        state.Runner.Advance(parent);
        if (Unavailable(parent, parentModel, action) is { } reason)
        {
            await Replies.Error(context, StatusCodes.Status409Conflict, reason).ConfigureAwait(false);
            return;
        }

        // The action's result is what the operation's description promises: one image for an upsample, a fresh
        // 4-image grid for any other Midjourney action, a pair of tracks (or stems) for Suno.
        var count = parentModel == "midjourney" ? (action == "upsample" ? 1 : 4) : 2;
        await SubmitEndpoint.AcceptAsync(context, state, apiKey, parent.Schema, body, bodyBytes, images => images with { Count = count }).ConfigureAwait(false);
    }

    private static string? Unavailable(EmulatedJob parent, string parentModel, string action)
    {
        if (!string.Equals(parent.Schema.Model, parentModel, StringComparison.Ordinal))
        {
            return $"Job {parent.Id} is a '{parent.Schema.Model}' job; this action needs a completed '{parentModel}' job.";
        }

        var status = parent.Snapshot().Status;
        if (status != JobStatus.Completed)
        {
            return $"Job {parent.Id} is {status}; actions need a COMPLETED parent.";
        }

        // What the parent produced, read from what created it: a submission has no action.
        var made = parent.Input.TryGetProperty("action", out var parentAction) && parentAction.ValueKind == JsonValueKind.String
            ? parentAction.GetString()
            : null;
        if (parentModel == "suno")
        {
            return made == "stems" ? $"Job {parent.Id} is a stems result, which accepts no further actions." : null;
        }

        var isUpsample = made == "upsample";
        if (GridActions.Contains(action) && isUpsample)
        {
            return $"'{action}' acts on a grid; job {parent.Id} is an upsample (use inpaint, outpaint or pan).";
        }

        if (UpsampleActions.Contains(action) && !isUpsample)
        {
            return $"'{action}' acts on an upsample; job {parent.Id} is a grid (upsample one of its images first).";
        }

        return null;
    }

    private static (ModelSchema Model, JsonElement Action)? ActionSchema(EmulatorState state, string parentModel, string schemaName)
    {
        if (!state.Catalog.TryGet(parentModel, out var schema) || schema.Document is not { } document
            || !document.TryGetProperty("components", out var components) || components.ValueKind != JsonValueKind.Object
            || !components.TryGetProperty("schemas", out var schemas) || schemas.ValueKind != JsonValueKind.Object
            || !schemas.TryGetProperty(schemaName, out var action))
        {
            return null;
        }

        return (schema, action);
    }
}
