using System;
using System.Globalization;
using System.Text.Json;

namespace Apiframe;

// Tolerant member access for response bodies: a member that is missing, null or of an unexpected type reads as
// null instead of failing the whole response, because the server may add or widen fields at any time.
internal static class ApiframeJson
{
    internal static JsonDocument Parse(ReadOnlyMemory<byte> body) =>
        JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 64 });

    internal static bool TryMember(JsonElement obj, string name, out JsonElement value)
    {
        if (obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out value) && value.ValueKind != JsonValueKind.Null)
        {
            return true;
        }

        value = default;
        return false;
    }

    internal static string? String(JsonElement obj, string name) =>
        TryMember(obj, name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    internal static int? Int(JsonElement obj, string name)
    {
        if (!TryMember(obj, name, out var value))
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number))
        {
            return number;
        }

        return value.ValueKind == JsonValueKind.String
            && int.TryParse(value.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out number)
            ? number
            : null;
    }

    internal static long? Long(JsonElement obj, string name) =>
        TryMember(obj, name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number)
            ? number
            : null;

    internal static double? Double(JsonElement obj, string name)
    {
        if (!TryMember(obj, name, out var value))
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var number))
        {
            return number;
        }

        return value.ValueKind == JsonValueKind.String
            && double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out number)
            ? number
            : null;
    }

    internal static bool? Bool(JsonElement obj, string name) =>
        TryMember(obj, name, out var value) && value.ValueKind is JsonValueKind.True or JsonValueKind.False
            ? value.GetBoolean()
            : null;

    internal static DateTimeOffset? Date(JsonElement obj, string name)
    {
        if (!TryMember(obj, name, out var value) || value.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        if (value.TryGetDateTimeOffset(out var date))
        {
            return date;
        }

        return DateTimeOffset.TryParse(value.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out date)
            ? date
            : null;
    }
}
