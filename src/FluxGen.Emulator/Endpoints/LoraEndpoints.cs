using System.Globalization;
using System.Text;
using System.Text.Json;
using FluxGen.Emulator.Hosting;
using FluxGen.Emulator.Images;
using FluxGen.Emulator.Jobs;
using FluxGen.Emulator.Schemas;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace FluxGen.Emulator.Endpoints;

/// <summary>A LoRA trained by <c>POST /v2/loras</c>: its metadata and the training job that decides its status.</summary>
internal sealed record StoredLora(string Id, string ApiKey, string JobId, string Name, string SubjectKind, string? Gender, string? Ethnicity, string? Age, int ImageCount, int Steps, int LoraRank, DateTimeOffset CreatedAt)
{
    public bool Archived { get; set; }
}

/// <summary>
/// <c>/v2/loras</c>: <c>POST</c> (multipart, as the official Node SDK sends it: metadata fields and 15–30
/// <c>images</c>) validated against the document's form schema, answered 202 with its <c>LoraCreated</c> plus the
/// training job's <c>jobId</c>, which <c>GET /v2/jobs/{id}</c> tracks like any job; <c>GET</c> lists (cursor, limit,
/// includeArchived), <c>GET /{id}</c> reads, <c>DELETE /{id}</c> archives. A LoRA's status follows its job:
/// PENDING while queued, TRAINING while it runs, READY or FAILED when it ends.
/// </summary>
internal static class LoraEndpoints
{
    /// <summary>The document's limits: 10 MB an image, 100 MB in all.</summary>
    public const long MaxImageBytes = 10L * 1024 * 1024;
    public const long MaxTotalBytes = 100L * 1024 * 1024;

    private const int DefaultSteps = 1000;
    private const int DefaultRank = 32;
    private const int TrainingCredits = 2;
    private const double TrainingSeconds = 600;
    private static readonly string[] ImageTypes = ["image/jpeg", "image/png", "image/webp"];
    private static readonly string[] IntegerFields = ["steps", "loraRank"];

    public static async Task CreateAsync(HttpContext context, EmulatorState state)
    {
        var apiKey = (string)context.Items[EmulatorPipeline.ApiKeyItem]!;
        if (!context.Request.HasFormContentType || context.Request.ContentType?.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase) != true)
        {
            await Replies.Error(context, StatusCodes.Status415UnsupportedMediaType, $"Content-Type must be multipart/form-data, not '{context.Request.ContentType}'.").ConfigureAwait(false);
            return;
        }

        if (FormSchema(state) is not var (document, schema))
        {
            await Replies.Error(context, StatusCodes.Status404NotFound, "Not found.").ConfigureAwait(false);
            return;
        }

        IFormCollection form;
        try
        {
            context.Features.Set<IFormFeature>(new FormFeature(context.Request, new FormOptions { MultipartBodyLengthLimit = MaxTotalBytes + (1024 * 1024) }));
            form = await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
        }
        catch (InvalidDataException exception) when (exception.Message.Contains("limit", StringComparison.OrdinalIgnoreCase))
        {
            await Replies.Error(context, StatusCodes.Status413PayloadTooLarge, $"Training images are limited to {MaxTotalBytes} bytes in all.").ConfigureAwait(false);
            return;
        }
        catch (Exception exception) when (exception is InvalidDataException or IOException or BadHttpRequestException)
        {
            await Replies.ValidationFailed(context, "$", "The multipart body could not be read: " + exception.Message, "Invalid multipart body").ConfigureAwait(false);
            return;
        }

        // The form as the JSON object the document's schema describes, so it is judged by the same validator.
        var body = AsJson(form);
        var errors = new Dictionary<string, List<string>>(SchemaValidator.Validate(document, schema, body), StringComparer.Ordinal);
        AddPersonRules(form, errors);
        AddImageRules(form, errors);
        if (errors.Count > 0)
        {
            await Replies.ValidationFailed(context, errors).ConfigureAwait(false);
            return;
        }

        var subjectKind = Field(form, "subjectKind") ?? "person";
        var now = state.Clock.UtcNow;
        var training = new ModelSchema("lora-training", "/v2/loras", null, TrainingSeconds, default) { Modality = "training" };
        var job = new EmulatedJob(
            Guid.NewGuid().ToString(),
            state.Jobs.NextSequence(),
            apiKey,
            training,
            body.GetRawText(),
            body,
            context.Request.Headers["Idempotency-Key"].FirstOrDefault(),
            now,
            TimeSpan.FromSeconds(TrainingSeconds * Math.Max(0, state.Options.TimeScale)),
            state.Faults.FailJob(),
            new ImageSpec("jpg", 90, 8, 8, 0, Count: 0),
            TrainingCredits,
            Uri.TryCreate(Field(form, "webhookUrl"), UriKind.Absolute, out var hook) ? hook : null,
            new HashSet<string>((Field(form, "webhookEvents") ?? "completed,failed").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries), StringComparer.Ordinal),
            SubmitEndpoint.FilesBase(context, state.Options));
        state.Jobs.Add(job);
        var lora = new StoredLora(
            Guid.NewGuid().ToString(),
            apiKey,
            job.Id,
            Field(form, "name")!,
            subjectKind,
            Field(form, "gender"),
            Field(form, "ethnicity"),
            Field(form, "age"),
            form.Files.GetFiles("images").Count,
            Integer(form, "steps") ?? DefaultSteps,
            Integer(form, "loraRank") ?? DefaultRank,
            now);
        state.Loras[lora.Id] = lora;
        await Replies.Json(context, StatusCodes.Status202Accepted, w =>
        {
            w.WriteStartObject();
            w.WriteString("id", lora.Id);
            w.WriteString("status", "PENDING");
            w.WriteNumber("imageCount", lora.ImageCount);
            w.WriteString("jobId", job.Id);
            w.WriteEndObject();
        }).ConfigureAwait(false);
    }

    public static Task ListAsync(HttpContext context, EmulatorState state)
    {
        var apiKey = (string)context.Items[EmulatorPipeline.ApiKeyItem]!;
        var query = context.Request.Query;
        var limit = 24;
        if (query.TryGetValue("limit", out var limitText) && (!int.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit is < 1 or > 100))
        {
            return Replies.ValidationFailed(context, "limit", "Must be an integer from 1 to 100.");
        }

        var includeArchived = query.TryGetValue("includeArchived", out var archivedText) ? archivedText.ToString() : "false";
        if (includeArchived is not ("true" or "false"))
        {
            return Replies.ValidationFailed(context, "includeArchived", "Must be 'true' or 'false'.");
        }

        var mine = state.Loras.Values
            .Where(l => l.ApiKey == apiKey && (includeArchived == "true" || !l.Archived))
            .OrderByDescending(l => l.CreatedAt).ThenBy(l => l.Id, StringComparer.Ordinal)
            .ToList();
        var start = 0;
        if (query.TryGetValue("cursor", out var cursor))
        {
            var at = mine.FindIndex(l => l.Id == cursor.ToString());
            if (!Guid.TryParse(cursor, out _) || at < 0)
            {
                return Replies.ValidationFailed(context, "cursor", "Not a cursor this list gave.");
            }

            start = at + 1;
        }

        var page = mine.Skip(start).Take(limit).ToList();
        var more = start + page.Count < mine.Count;
        return Replies.Json(context, StatusCodes.Status200OK, w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("items");
            foreach (var lora in page)
            {
                Write(w, lora, state);
            }

            w.WriteEndArray();
            if (more)
            {
                w.WriteString("nextCursor", page[^1].Id);
            }
            else
            {
                w.WriteNull("nextCursor");
            }

            w.WriteEndObject();
        });
    }

    public static Task GetAsync(HttpContext context, EmulatorState state) =>
        Find(context, state) is { } lora
            ? Replies.Json(context, StatusCodes.Status200OK, w => Write(w, lora, state))
            : Replies.Error(context, StatusCodes.Status404NotFound, "LoRA not found.");

    public static Task DeleteAsync(HttpContext context, EmulatorState state)
    {
        if (Find(context, state) is not { } lora)
        {
            return Replies.Error(context, StatusCodes.Status404NotFound, "LoRA not found.");
        }

        lora.Archived = true;
        context.Response.StatusCode = StatusCodes.Status204NoContent;
        return Task.CompletedTask;
    }

    /// <summary>Whether a document the emulator serves defines the form, so the routes exist only where they validate.</summary>
    public static bool IsServed(EmulatorState state) => FormSchema(state) is not null;

    private static StoredLora? Find(HttpContext context, EmulatorState state)
    {
        var apiKey = (string)context.Items[EmulatorPipeline.ApiKeyItem]!;
        var id = (string?)context.Request.RouteValues["id"] ?? string.Empty;
        return state.Loras.TryGetValue(id, out var lora) && lora.ApiKey == apiKey ? lora : null;
    }

    private static void Write(Utf8JsonWriter w, StoredLora lora, EmulatorState state)
    {
        var job = state.Jobs.Find(lora.JobId)!;
        state.Runner.Advance(job);
        var snapshot = job.Snapshot();
        var status = lora.Archived ? "ARCHIVED"
            : snapshot.Status == JobStatus.Completed ? "READY"
            : snapshot.Status == JobStatus.Failed ? "FAILED"
            : snapshot.Status == JobStatus.Queued ? "PENDING"
            : "TRAINING";
        var ready = snapshot.Status == JobStatus.Completed;
        w.WriteStartObject();
        w.WriteString("id", lora.Id);
        w.WriteString("userId", Owner(lora.ApiKey, "user"));
        w.WriteString("teamId", Owner(lora.ApiKey, "team"));
        w.WriteString("name", lora.Name);
        w.WriteString("subjectKind", lora.SubjectKind);
        Nullable(w, "gender", lora.Gender);
        Nullable(w, "ethnicity", lora.Ethnicity);
        Nullable(w, "age", lora.Age);
        w.WriteString("status", status);
        w.WriteNumber("imageCount", lora.ImageCount);
        w.WriteNumber("steps", lora.Steps);
        w.WriteNumber("loraRank", lora.LoraRank);
        w.WriteBoolean("isReady", ready && !lora.Archived);
        Nullable(w, "error", snapshot.Error);
        w.WriteString("createdAt", JobJson.Timestamp(lora.CreatedAt));
        Nullable(w, "startedAt", snapshot.Status == JobStatus.Queued ? null : JobJson.Timestamp(lora.CreatedAt));
        Nullable(w, "completedAt", snapshot.CompletedAt is { } done ? JobJson.Timestamp(done) : null);
        w.WriteBoolean("hasWeights", ready);
        Nullable(w, "triggerWord", ready ? "TOK_" + lora.Id[..8] : null);
        w.WriteEndObject();
    }

    // A stable id per key, so the same caller always sees the same user and team, and the key itself never appears.
    private static string Owner(string apiKey, string kind)
    {
        var hash = System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(kind + ":" + apiKey));
        return new Guid(hash.AsSpan(0, 16)).ToString();
    }

    private static void Nullable(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null)
        {
            w.WriteNull(name);
        }
        else
        {
            w.WriteString(name, value);
        }
    }

    private static JsonElement AsJson(IFormCollection form)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            foreach (var (name, values) in form)
            {
                var text = values.ToString();
                if (IntegerFields.Contains(name) && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
                {
                    w.WriteNumber(name, number);
                }
                else
                {
                    w.WriteString(name, text);
                }
            }

            // Files stand in as strings, as the schema's `format: binary` items are.
            var images = form.Files.GetFiles("images");
            if (images.Count > 0)
            {
                w.WriteStartArray("images");
                foreach (var image in images)
                {
                    w.WriteStringValue(image.FileName);
                }

                w.WriteEndArray();
            }

            w.WriteEndObject();
        }

        return JsonDocument.Parse(buffer.ToArray()).RootElement.Clone();
    }

    private static void AddPersonRules(IFormCollection form, Dictionary<string, List<string>> errors)
    {
        // The document says it in words, not in the schema: a person needs a gender and an ethnicity.
        if ((Field(form, "subjectKind") ?? "person") != "person")
        {
            return;
        }

        foreach (var name in new[] { "gender", "ethnicity" })
        {
            if (string.IsNullOrEmpty(Field(form, name)))
            {
                Add(errors, name, "Required when subjectKind is 'person'.");
            }
        }
    }

    private static void AddImageRules(IFormCollection form, Dictionary<string, List<string>> errors)
    {
        var images = form.Files.GetFiles("images");
        for (var i = 0; i < images.Count; i++)
        {
            if (images[i].Length > MaxImageBytes)
            {
                Add(errors, $"images[{i}]", $"Larger than {MaxImageBytes} bytes.");
            }

            if (!ImageTypes.Contains(images[i].ContentType?.ToLowerInvariant()))
            {
                Add(errors, $"images[{i}]", $"Type '{images[i].ContentType}' is not accepted (JPEG, PNG, WebP).");
            }
        }
    }

    private static void Add(Dictionary<string, List<string>> errors, string path, string message)
    {
        if (!errors.TryGetValue(path, out var list))
        {
            errors[path] = list = [];
        }

        list.Add(message);
    }

    private static string? Field(IFormCollection form, string name) =>
        form.TryGetValue(name, out var value) && value.Count > 0 ? value.ToString() : null;

    private static int? Integer(IFormCollection form, string name) =>
        int.TryParse(Field(form, name), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static (JsonElement Document, JsonElement Schema)? FormSchema(EmulatorState state)
    {
        foreach (var model in state.Catalog.Models)
        {
            if (state.Catalog.TryGet(model, out var schema) && schema.Document is { } document
                && document.TryGetProperty("paths", out var paths) && paths.ValueKind == JsonValueKind.Object
                && paths.TryGetProperty("/v2/loras", out var loras) && loras.TryGetProperty("post", out var post)
                && post.TryGetProperty("requestBody", out var requestBody) && requestBody.TryGetProperty("content", out var content)
                && content.TryGetProperty("multipart/form-data", out var multipart) && multipart.TryGetProperty("schema", out var form))
            {
                return (document, form);
            }
        }

        return null;
    }
}
