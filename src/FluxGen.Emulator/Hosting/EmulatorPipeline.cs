using System.Globalization;
using FluxGen.Emulator.Endpoints;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace FluxGen.Emulator.Hosting;

/// <summary>
/// The request pipeline shared by the in-process host and the standalone program: marking headers, the request
/// log, fault injection, API-key checks, then the Apiframe routes.
/// </summary>
internal static class EmulatorPipeline
{
    public const string ApiKeyItem = "FluxGen.Emulator.ApiKey";
    private const string EntryItem = "FluxGen.Emulator.RequestLogEntry";

    public static void Map(WebApplication app, EmulatorState state)
    {
        app.Use((context, next) => MarkAndRecordAsync(context, next, state));
        app.Use((context, next) => InjectFaultsAsync(context, next, state));
        app.Use((context, next) => AuthenticateAsync(context, next, state));

        var submitRoutes = state.Catalog.Models
            .Select(m => state.Catalog.TryGet(m, out var s) ? s.Endpoint : null)
            .Append("/v2/images/generate")
            .OfType<string>()
            .Distinct(StringComparer.OrdinalIgnoreCase);
        foreach (var route in submitRoutes)
        {
            app.MapPost(route, context => SubmitEndpoint.HandleAsync(context, state));
        }

        // Follow-up actions, where the document the emulator serves defines them.
        if (ActionEndpoint.IsServed(state, "midjourney", "MidjourneyActionRequest"))
        {
            app.MapPost(ActionEndpoint.MidjourneyPath, context => ActionEndpoint.MidjourneyAsync(context, state));
        }

        if (ActionEndpoint.IsServed(state, "suno", "SunoActionRequest"))
        {
            app.MapPost(ActionEndpoint.SunoPath, context => ActionEndpoint.SunoAsync(context, state));
        }

        app.MapPost("/v2/uploads", context => UploadEndpoints.CreateAsync(context, state));
        app.MapMethods("/uploads/{id}", ["GET", "HEAD"], context => UploadEndpoints.ServeAsync(context, state));
        if (LoraEndpoints.IsServed(state))
        {
            app.MapPost("/v2/loras", context => LoraEndpoints.CreateAsync(context, state));
            app.MapGet("/v2/loras", context => LoraEndpoints.ListAsync(context, state));
            app.MapGet("/v2/loras/{id}", context => LoraEndpoints.GetAsync(context, state));
            app.MapDelete("/v2/loras/{id}", context => LoraEndpoints.DeleteAsync(context, state));
        }

        if (AssetEndpoints.IsServed(state))
        {
            app.MapPost("/v2/assets/create", context => AssetEndpoints.CreateAsync(context, state));
            app.MapGet("/v2/assets/{assetId}", context => AssetEndpoints.GetAsync(context, state));
        }

        app.MapGet("/v2/models", context => CatalogEndpoints.ModelsAsync(context, state));
        app.MapGet("/v2/me", context => CatalogEndpoints.MeAsync(context, state));
        app.MapGet("/v2/jobs", context => JobEndpoints.ListAsync(context, state));
        app.MapGet("/v2/jobs/{id}", context => JobEndpoints.GetAsync(context, state));
        app.MapMethods("/files/{jobId}/{file}", ["GET", "HEAD"], context => FileEndpoint.HandleAsync(context, state));
        app.MapFallback(context => Replies.Error(context, StatusCodes.Status404NotFound, "Not found."));
    }

    private static async Task MarkAndRecordAsync(HttpContext context, Func<Task> next, EmulatorState state)
    {
        var requestId = "req_emu_" + Guid.NewGuid().ToString("N");
        Mark(context, requestId);

        // Logged on arrival and given its status just before the headers go out, so a client that has its reply
        // in hand always finds the request in the log.
        var entry = new RequestLogEntry(
            context.Request.Method,
            context.Request.Path.Value ?? string.Empty,
            context.Request.QueryString.Value ?? string.Empty,
            context.Request.Headers["X-API-Key"].FirstOrDefault(),
            context.Request.Headers["Idempotency-Key"].FirstOrDefault(),
            requestId);
        context.Items[EntryItem] = entry;
        state.Record(entry);
        context.Response.OnStarting(() =>
        {
            entry.Answered(context.Response.StatusCode);
            return Task.CompletedTask;
        });

        try
        {
            await next().ConfigureAwait(false);
        }
        catch (Exception exception) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
        {
            // Kestrel would answer a bare 500 without our headers; the emulator must stay recognisable even then.
            context.Response.Clear();
            Mark(context, requestId);
            await Replies.Error(context, StatusCodes.Status500InternalServerError, "Emulator error: " + exception.Message).ConfigureAwait(false);
        }
    }

    private static void Mark(HttpContext context, string requestId)
    {
        var headers = context.Response.Headers;
        headers["X-Apiframe-Emulator"] = "true";
        headers.Server = "FluxGen.Emulator (not the Apiframe API)";
        headers["x-request-id"] = requestId;
    }

    /// <summary>Marks the request as faulted in the log; the drop-after-create case is noted by the submit.</summary>
    public static void NoteFault(HttpContext context, EmulatorFault fault)
    {
        if (context.Items[EntryItem] is RequestLogEntry entry)
        {
            entry.Fault = fault;
        }
    }

    /// <summary>Notes the job a submit created or replayed, for the request log.</summary>
    public static void NoteJob(HttpContext context, string jobId)
    {
        if (context.Items[EntryItem] is RequestLogEntry entry)
        {
            entry.JobId = jobId;
        }
    }

    private static Task InjectFaultsAsync(HttpContext context, Func<Task> next, EmulatorState state)
    {
        if (!IsApi(context))
        {
            return next();
        }

        switch (state.Faults.ForRequest(context.Request.Method, context.Request.Headers["Idempotency-Key"].FirstOrDefault()))
        {
            case EmulatorFault.DropConnection:
                NoteFault(context, EmulatorFault.DropConnection);
                context.Abort();
                return Task.CompletedTask;
            case EmulatorFault.TooManyRequests:
                NoteFault(context, EmulatorFault.TooManyRequests);
                context.Response.Headers.RetryAfter = Math.Max(0, state.Options.RetryAfterSeconds).ToString(CultureInfo.InvariantCulture);
                return Replies.Error(context, StatusCodes.Status429TooManyRequests, "Rate limit exceeded (emulated). Retry after the Retry-After seconds.");
            case EmulatorFault.ServiceUnavailable:
                NoteFault(context, EmulatorFault.ServiceUnavailable);
                return Replies.Error(context, StatusCodes.Status503ServiceUnavailable, "Service temporarily unavailable (emulated). Retry with backoff.");
            default:
                return next();
        }
    }

    private static Task AuthenticateAsync(HttpContext context, Func<Task> next, EmulatorState state)
    {
        // The model catalog is public, as the document says (security: []).
        if (!IsApi(context) || CatalogEndpoints.IsPublic(context))
        {
            return next();
        }

        var key = context.Request.Headers["X-API-Key"].FirstOrDefault();
        var options = state.Options;
        if (string.IsNullOrEmpty(key))
        {
            return Replies.Error(context, StatusCodes.Status401Unauthorized, "Missing API key. Send it in the X-API-Key header.");
        }

        if (options.InactiveKeys.Contains(key, StringComparer.Ordinal))
        {
            return Replies.Error(context, StatusCodes.Status403Forbidden, "This API key is inactive.");
        }

        var known = options.ApiKeys.Count > 0
            ? options.ApiKeys.Contains(key, StringComparer.Ordinal)
            : key.StartsWith(options.ApiKeyPrefix, StringComparison.Ordinal) && key.Length > options.ApiKeyPrefix.Length;
        if (!known)
        {
            return Replies.Error(context, StatusCodes.Status401Unauthorized, "Invalid API key.");
        }

        context.Items[ApiKeyItem] = key;
        return next();
    }

    private static bool IsApi(HttpContext context) => context.Request.Path.StartsWithSegments("/v2", StringComparison.OrdinalIgnoreCase);
}
