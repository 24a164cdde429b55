using Microsoft.CodeAnalysis;

namespace FluxGen;

/// <summary>What reading an OpenAPI document can tell the user beyond the schema-file diagnostics.</summary>
internal static partial class Descriptors
{
    public static readonly DiagnosticDescriptor UntypedMember = new("FLUXGEN040", "Member is kept as raw JSON",
        "'{0}' is generated as System.Text.Json.JsonElement? because FluxGen cannot type its schema: {1}",
        SchemaCategory, DiagnosticSeverity.Info, isEnabledByDefault: true, helpLinkUri: HelpLinkBase + "fluxgen040");

    public static readonly DiagnosticDescriptor DocumentModelSkipped = new("FLUXGEN041", "Schema file wins over the OpenAPI document",
        "Model '{0}' comes from the schema file {1}; this branch of the OpenAPI document is skipped",
        SchemaCategory, DiagnosticSeverity.Info, isEnabledByDefault: true, helpLinkUri: HelpLinkBase + "fluxgen041");

    private static DiagnosticDescriptor OpenApiDescriptorById(string id) => id switch
    {
        "FLUXGEN040" => UntypedMember,
        "FLUXGEN041" => DocumentModelSkipped,
        _ => throw new System.ArgumentOutOfRangeException(nameof(id), id, "Unknown FluxGen schema diagnostic."),
    };
}
