using System.Globalization;
using System.Text.Json;

namespace FluxGen.Emulator.Jobs;

/// <summary>Writes jobs and webhook payloads in the wire shape API-NOTES.md fixes.</summary>
internal static class JobJson
{
    public static string Timestamp(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public static void WriteJob(Utf8JsonWriter writer, JobSnapshot job, JsonElement input)
    {
        writer.WriteStartObject();
        writer.WriteString("id", job.Id);
        writer.WriteString("status", job.Status);
        writer.WriteString("model", job.Model);
        WriteNullable(writer, "progress", job.Progress);
        WriteResult(writer, job);
        WriteNullable(writer, "error", job.Error);
        WriteNullable(writer, "creditCost", job.CreditCost);
        WriteNullable(writer, "webhookStatus", job.WebhookStatus);
        writer.WriteString("createdAt", Timestamp(job.CreatedAt));
        WriteNullable(writer, "completedAt", job.CompletedAt is { } done ? Timestamp(done) : null);
        writer.WriteBoolean("expired", false);
        writer.WritePropertyName("input");
        input.WriteTo(writer);
        writer.WriteEndObject();
    }

    public static byte[] WebhookBody(string eventName, JobSnapshot job)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("event", eventName);
            writer.WriteString("jobId", job.Id);
            writer.WriteString("status", job.Status);
            WriteNullable(writer, "progress", job.Progress);
            WriteResult(writer, job);
            WriteNullable(writer, "error", job.Error);
            writer.WriteString("model", job.Model);
            WriteNullable(writer, "creditCost", job.CreditCost);
            WriteNullable(writer, "completedAt", job.CompletedAt is { } done ? Timestamp(done) : null);
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static void WriteResult(Utf8JsonWriter writer, JobSnapshot job)
    {
        if (job.Status != JobStatus.Completed)
        {
            writer.WriteNull("result");
            return;
        }

        writer.WriteStartObject("result");
        writer.WriteStartArray(job.ResultKey);
        foreach (var url in job.ImageUrls)
        {
            writer.WriteStringValue(url);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteNullable(Utf8JsonWriter writer, string name, int? value)
    {
        if (value is { } v)
        {
            writer.WriteNumber(name, v);
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    private static void WriteNullable(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteString(name, value);
        }
    }
}
