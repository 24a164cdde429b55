using Microsoft.CodeAnalysis;

namespace FluxGen;

/// <summary>What reading an OpenAPI document can tell the user beyond the schema-file diagnostics.</summary>
internal static partial class Descriptors
{
    public static readonly DiagnosticDescriptor UntypedMember = Localized("FLUXGEN040", SchemaCategory, DiagnosticSeverity.Info);

    public static readonly DiagnosticDescriptor DocumentModelSkipped = Localized("FLUXGEN041", SchemaCategory, DiagnosticSeverity.Info);

    /// <summary>Beside FLUXGEN041, at the schema file: what the skipped branch says that the file does not.</summary>
    public static readonly DiagnosticDescriptor SchemaFileDiffers = Localized("FLUXGEN045", SchemaCategory, DiagnosticSeverity.Info);

    public static readonly DiagnosticDescriptor ModelLeftOut = Localized("FLUXGEN042", SchemaCategory, DiagnosticSeverity.Info);

    private static DiagnosticDescriptor OpenApiDescriptorById(string id) => id switch
    {
        "FLUXGEN040" => UntypedMember,
        "FLUXGEN041" => DocumentModelSkipped,
        "FLUXGEN042" => ModelLeftOut,
        _ => throw new System.ArgumentOutOfRangeException(nameof(id), id, "Unknown FluxGen schema diagnostic."),
    };
}
