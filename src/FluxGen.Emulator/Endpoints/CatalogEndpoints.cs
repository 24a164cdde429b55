using FluxGen.Emulator.Hosting;
using Microsoft.AspNetCore.Http;

namespace FluxGen.Emulator.Endpoints;

/// <summary><c>GET /v2/models</c> (the catalog, from the same schemas and document the emulator validates with) and
/// <c>GET /v2/me</c> (the caller and the team's credits).</summary>
internal static class CatalogEndpoints
{
    /// <summary>What <c>GET /v2/me</c> reports as credits when the emulator runs without a <c>CreditBalance</c>.</summary>
    public const long UnlimitedCredits = 1_000_000;

    private static readonly string[] Modalities = ["image", "video", "music"];

    public static bool IsPublic(HttpContext context) =>
        HttpMethods.IsGet(context.Request.Method) && context.Request.Path.Equals("/v2/models", StringComparison.OrdinalIgnoreCase);

    public static Task ModelsAsync(HttpContext context, EmulatorState state)
    {
        var modality = context.Request.Query["modality"].FirstOrDefault();
        if (modality is not null && !Modalities.Contains(modality, StringComparer.Ordinal))
        {
            // The value is the caller's; echoed only in part, so a hostile query cannot make the reply large.
            var shown = modality.Length <= 40 ? modality : modality[..40] + "...";
            return Replies.ValidationFailed(context, "modality", $"Must be one of: {string.Join(", ", Modalities)}; got \"{shown}\".", "Invalid modality");
        }

        var models = state.Catalog.Models
            .Select(m => state.Catalog.TryGet(m, out var s) ? s : null)
            .OfType<Schemas.ModelSchema>()
            .Where(s => s.Modality is not null && (modality is null || s.Modality == modality))
            .OrderBy(s => s.Model, StringComparer.Ordinal)
            .ToList();
        return Replies.Json(context, StatusCodes.Status200OK, writer =>
        {
            writer.WriteStartObject();
            writer.WriteStartArray("models");
            foreach (var model in models)
            {
                writer.WriteStartObject();
                writer.WriteString("id", model.Model);
                writer.WriteString("label", Schemas.OpenApiModels.Label(model.Model));
                writer.WriteString("modality", model.Modality);
                writer.WriteString("endpoint", model.Endpoint);
                writer.WriteString("pricingMode", "flat");
                writer.WriteNumber("costMin", state.Options.CreditsPerImage);
                writer.WriteNumber("costMax", state.Options.CreditsPerImage);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        });
    }

    public static Task MeAsync(HttpContext context, EmulatorState state)
    {
        var key = (string)context.Items[EmulatorPipeline.ApiKeyItem]!;
        var credits = state.Options.CreditBalance is { } balance
            ? Math.Max(0, balance - state.Ledger.TotalCredits)
            : UnlimitedCredits;
        return Replies.Json(context, StatusCodes.Status200OK, writer =>
        {
            writer.WriteStartObject();
            writer.WriteStartObject("user");
            writer.WriteString("id", StableId("user", key));
            writer.WriteString("email", "emulator@example.com");
            writer.WriteString("role", "OWNER");
            writer.WriteEndObject();
            writer.WriteStartObject("team");
            writer.WriteString("id", StableId("team", key));
            writer.WriteString("name", "Emulator team");
            writer.WriteNumber("credits", credits);
            writer.WriteString("plan", "emulator");
            writer.WriteNull("customerId");
            writer.WriteEndObject();
            writer.WriteStartObject("apiKey");
            writer.WriteString("id", StableId("key", key));
            writer.WriteString("name", "Emulator key");

            // Only the configured prefix, never characters of the key itself.
            writer.WriteString("prefix", state.Options.ApiKeyPrefix);
            writer.WriteEndObject();
            writer.WriteEndObject();
        });
    }

    // A UUID derived from the key (never the key's text), so the same key sees the same ids on every call.
    private static string StableId(string kind, string key)
    {
        var hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(kind + ":" + key));
        hash[6] = (byte)((hash[6] & 0x0F) | 0x40);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true).ToString();
    }
}
