using System.Text;
using System.Text.Json;
using FluxGen.Emulator.Hosting;
using FluxGen.Emulator.Images;
using FluxGen.Emulator.Jobs;
using FluxGen.Emulator.Schemas;
using Microsoft.AspNetCore.Http;

namespace FluxGen.Emulator.Endpoints;

/// <summary><c>POST /v2/images/generate</c>: validate, honour the idempotency key, check credits, create the job.</summary>
internal static class SubmitEndpoint
{
    private const int MaxBodyBytes = 1 << 20;
    private const int MaxIdempotencyKeyLength = 255;
    private static readonly string[] DefaultWebhookEvents = ["completed", "failed"];

    public static async Task HandleAsync(HttpContext context, EmulatorState state)
    {
        var apiKey = (string)context.Items[EmulatorPipeline.ApiKeyItem]!;
        if (await ReadObjectAsync(context).ConfigureAwait(false) is not var (body, bodyBytes))
        {
            return;
        }

        if (!body.TryGetProperty("model", out var modelElement) || modelElement.ValueKind != JsonValueKind.String)
        {
            await Replies.ValidationFailed(context, "model", modelElement.ValueKind == JsonValueKind.Undefined ? "Required." : "Expected string.").ConfigureAwait(false);
            return;
        }

        var model = modelElement.GetString()!;
        if (!state.Catalog.TryGet(model, out var schema))
        {
            var known = string.Join(", ", state.Catalog.Models.OrderBy(m => m, StringComparer.Ordinal));
            await Replies.ValidationFailed(context, "model", $"Unknown model '{model}'. This emulator knows: {known}.").ConfigureAwait(false);
            return;
        }

        if (!string.Equals(schema.Endpoint, context.Request.Path.Value, StringComparison.OrdinalIgnoreCase))
        {
            await Replies.ValidationFailed(context, "model", $"Model '{model}' is submitted to {schema.Endpoint}, not {context.Request.Path.Value}.").ConfigureAwait(false);
            return;
        }

        var errors = SchemaValidator.Validate(schema.RefRoot, schema.Root, body);
        if (errors.Count > 0)
        {
            await Replies.ValidationFailed(context, errors).ConfigureAwait(false);
            return;
        }

        await AcceptAsync(context, state, apiKey, schema, body, bodyBytes, adjust: null).ConfigureAwait(false);
    }

    /// <summary>Creates the job (or replays it for a known Idempotency-Key) and answers 202, 409 or 402.</summary>
    /// <param name="adjust">What the job produces, when the request alone does not say it (an action's result).</param>
    public static async Task AcceptAsync(HttpContext context, EmulatorState state, string apiKey, ModelSchema schema, JsonElement body, byte[] bodyBytes, Func<ImageSpec, ImageSpec>? adjust)
    {
        var idempotencyKey = context.Request.Headers["Idempotency-Key"].FirstOrDefault();
        if (idempotencyKey is not null && (idempotencyKey.Length == 0 || idempotencyKey.Length > MaxIdempotencyKeyLength))
        {
            await Replies.ValidationFailed(context, "Idempotency-Key", $"Must be 1 to {MaxIdempotencyKeyLength} characters long.").ConfigureAwait(false);
            return;
        }

        var outcome = CreateOrReplay(context, state, apiKey, schema, body, bodyBytes, idempotencyKey, adjust);
        switch (outcome.Kind)
        {
            case OutcomeKind.Conflict:
                await Replies.Error(context, StatusCodes.Status409Conflict, "This Idempotency-Key was already used with a different request body.").ConfigureAwait(false);
                return;
            case OutcomeKind.InsufficientCredits:
                await Replies.Json(context, StatusCodes.Status402PaymentRequired, w =>
                {
                    w.WriteStartObject();
                    w.WriteString("error", "Insufficient credits");
                    w.WriteNumber("creditsRequired", outcome.Required);
                    w.WriteNumber("creditsAvailable", outcome.Available);
                    w.WriteEndObject();
                }).ConfigureAwait(false);
                return;
        }

        var job = outcome.Job!;
        EmulatorPipeline.NoteJob(context, job.Id);
        if (outcome.Kind == OutcomeKind.Created && state.Faults.DropAfterCreate(idempotencyKey))
        {
            // The interesting idempotency case: the job exists and will bill, but the client never hears of it.
            EmulatorPipeline.NoteFault(context, EmulatorFault.DropAfterCreate);
            context.Abort();
            return;
        }

        // A new job is always reported QUEUED; a replay echoes wherever the original job has got to.
        var status = JobStatus.Queued;
        if (outcome.Kind == OutcomeKind.Replayed)
        {
            state.Runner.Advance(job);
            status = job.Snapshot().Status;
            context.Response.Headers["Idempotent-Replayed"] = "true";
        }

        context.Response.Headers.Location = "/v2/jobs/" + job.Id;
        await Replies.Json(context, StatusCodes.Status202Accepted, w =>
        {
            w.WriteStartObject();
            w.WriteString("jobId", job.Id);
            w.WriteString("status", status);
            w.WriteEndObject();
        }).ConfigureAwait(false);
    }

    /// <summary>Reads a JSON object body with every check a submission gets (content type, size, hostile JSON);
    /// <see langword="null"/> once the error reply has been written.</summary>
    public static async Task<(JsonElement Body, byte[] Bytes)?> ReadObjectAsync(HttpContext context)
    {
        if (!IsJson(context.Request.ContentType))
        {
            await Replies.Error(context, StatusCodes.Status415UnsupportedMediaType, $"Content-Type must be application/json, not '{context.Request.ContentType}'.").ConfigureAwait(false);
            return null;
        }

        var bodyBytes = await ReadBodyAsync(context).ConfigureAwait(false);
        if (bodyBytes is null)
        {
            await Replies.Error(context, StatusCodes.Status413PayloadTooLarge, $"Request body is larger than {MaxBodyBytes} bytes.").ConfigureAwait(false);
            return null;
        }

        if (JsonBodyCheck.FindProblem(bodyBytes) is { } problem)
        {
            await Replies.ValidationFailed(context, "$", problem, "Invalid JSON body").ConfigureAwait(false);
            return null;
        }

        JsonElement body;
        try
        {
            using var document = JsonDocument.Parse(bodyBytes, new JsonDocumentOptions { MaxDepth = JsonBodyCheck.MaxDepth });
            body = document.RootElement.Clone();
        }
        catch (JsonException exception)
        {
            await Replies.ValidationFailed(context, "$", "Body is not valid JSON: " + exception.Message, "Invalid JSON body").ConfigureAwait(false);
            return null;
        }

        if (body.ValueKind != JsonValueKind.Object)
        {
            await Replies.ValidationFailed(context, "$", "The body must be a JSON object.").ConfigureAwait(false);
            return null;
        }

        return (body, bodyBytes);
    }

    private static Outcome CreateOrReplay(HttpContext context, EmulatorState state, string apiKey, ModelSchema schema, JsonElement body, byte[] bodyBytes, string? idempotencyKey, Func<ImageSpec, ImageSpec>? adjust)
    {
        if (state.Options.CreditBalance is not null)
        {
            // Jobs that are due to end release or spend their credits before the balance is judged.
            state.AdvanceAll();
        }

        lock (state.SubmitGate)
        {
            if (idempotencyKey is not null && state.IdempotencyKeys.TryGetValue((apiKey, idempotencyKey), out var earlier))
            {
                // Compared as JSON values, so a client that re-serializes with other spacing or key order still matches.
                return JsonElement.DeepEquals(earlier.Body, body)
                    ? new Outcome(OutcomeKind.Replayed, state.Jobs.Find(earlier.JobId))
                    : new Outcome(OutcomeKind.Conflict, null);
            }

            var options = state.Options;
            var images = Media.MediaSpec.ForModality(ImageSpec.FromRequest(body, schema.ParamsKey, options.ImageLongSide), schema.Modality, body, schema.ParamsKey);
            images = adjust?.Invoke(images) ?? images;
            var cost = Math.Max(0, options.CreditsPerImage) * images.Count;
            if (options.CreditBalance is { } balance)
            {
                // One account behind every key. Running jobs hold their credits, so a burst of submits cannot
                // overdraw it; a job that fails releases its hold and is never billed.
                var held = state.Jobs.Running().Sum(j => (long)j.Cost);
                var available = Math.Max(0, balance - state.Ledger.TotalCredits - held);
                if (cost > available)
                {
                    return new Outcome(OutcomeKind.InsufficientCredits, null, cost, available);
                }
            }

            var slow = state.Faults.SlowJob();
            var seconds = schema.AverageSeconds * Math.Max(0, options.TimeScale) * (slow ? Math.Max(1, options.SlowJobFactor) : 1);
            var job = new EmulatedJob(
                Guid.NewGuid().ToString(),
                state.Jobs.NextSequence(),
                apiKey,
                schema,
                Encoding.UTF8.GetString(bodyBytes),
                body,
                idempotencyKey,
                state.Clock.UtcNow,
                TimeSpan.FromSeconds(seconds),
                state.Faults.FailJob(),
                images,
                cost,
                WebhookUrl(body),
                WebhookEvents(body),
                FilesBase(context, options));
            state.Jobs.Add(job);
            if (idempotencyKey is not null)
            {
                state.IdempotencyKeys[(apiKey, idempotencyKey)] = (body, job.Id);
            }

            return new Outcome(OutcomeKind.Created, job);
        }
    }

    private static Uri? WebhookUrl(JsonElement body) =>
        body.TryGetProperty("webhookUrl", out var url) && url.ValueKind == JsonValueKind.String
            && Uri.TryCreate(url.GetString(), UriKind.Absolute, out var uri) ? uri : null;

    private static HashSet<string> WebhookEvents(JsonElement body)
    {
        var events = body.TryGetProperty("webhookEvents", out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!)
            : DefaultWebhookEvents;
        return new HashSet<string>(events, StringComparer.Ordinal);
    }

    internal static Uri FilesBase(HttpContext context, EmulatorOptions options)
    {
        var configured = options.PublicBaseAddress;
        var text = string.IsNullOrEmpty(configured)
            ? $"{context.Request.Scheme}://{context.Request.Host.Value}{context.Request.PathBase.Value}"
            : configured;
        return new Uri(text.EndsWith('/') ? text : text + "/", UriKind.Absolute);
    }

    // JSON bodies only, in UTF-8 (RFC 8259 allows no other encoding between systems).
    private static bool IsJson(string? contentType) =>
        Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(contentType, out var media)
        && media.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
        && (!media.Charset.HasValue || media.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase));

    private static async Task<byte[]?> ReadBodyAsync(HttpContext context)
    {
        if (context.Request.ContentLength > MaxBodyBytes)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await context.Request.Body.ReadAsync(chunk, context.RequestAborted).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private enum OutcomeKind
    {
        Created,
        Replayed,
        Conflict,
        InsufficientCredits,
    }

    private sealed record Outcome(OutcomeKind Kind, EmulatedJob? Job, long Required = 0, long Available = 0);
}
