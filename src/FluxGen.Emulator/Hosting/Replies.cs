using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace FluxGen.Emulator.Hosting;

/// <summary>JSON replies written by hand, so every field and null is exactly where the contract puts it.</summary>
internal static class Replies
{
    public static Task Json(HttpContext context, int status, Action<Utf8JsonWriter> write)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }

        context.Response.ContentLength = buffer.Length;
        return context.Response.Body.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), context.RequestAborted).AsTask();
    }

    public static Task Error(HttpContext context, int status, string message) =>
        Json(context, status, w =>
        {
            w.WriteStartObject();
            w.WriteString("error", message);
            w.WriteEndObject();
        });

    public static Task ValidationFailed(HttpContext context, IReadOnlyDictionary<string, List<string>> details, string error = "Validation failed") =>
        Json(context, StatusCodes.Status400BadRequest, w =>
        {
            w.WriteStartObject();
            w.WriteString("error", error);
            w.WriteStartObject("details");
            foreach (var (path, messages) in details)
            {
                w.WriteStartArray(path);
                foreach (var message in messages)
                {
                    w.WriteStringValue(message);
                }

                w.WriteEndArray();
            }

            w.WriteEndObject();
            w.WriteEndObject();
        });

    public static Task ValidationFailed(HttpContext context, string path, string message, string error = "Validation failed") =>
        ValidationFailed(context, new Dictionary<string, List<string>> { [path] = [message] }, error);
}
