using Microsoft.CodeAnalysis;

namespace FluxGen;

/// <summary>Problems in schema files. Each points at the offending line and column of the file.</summary>
internal static partial class Descriptors
{
    private const string SchemaCategory = "FluxGen.Schema";

    public static readonly DiagnosticDescriptor InvalidJson = Schema("FLUXGEN001");

    public static readonly DiagnosticDescriptor NotUtf8 = Schema("FLUXGEN002");

    public static readonly DiagnosticDescriptor WrongKeywordType = Schema("FLUXGEN003");

    public static readonly DiagnosticDescriptor UnsupportedKeyword = Schema("FLUXGEN004");

    public static readonly DiagnosticDescriptor ContradictoryBounds = Schema("FLUXGEN005");

    public static readonly DiagnosticDescriptor DefaultBreaksSchema = Schema("FLUXGEN006");

    public static readonly DiagnosticDescriptor DuplicateModel = Schema("FLUXGEN007");

    public static readonly DiagnosticDescriptor InvalidIdentifier = Schema("FLUXGEN008");

    public static readonly DiagnosticDescriptor ClashingIdentifier = Schema("FLUXGEN009");

    public static readonly DiagnosticDescriptor InvalidApiframeBlock = Schema("FLUXGEN010");

    public static readonly DiagnosticDescriptor UnsupportedShape = Schema("FLUXGEN011");

    public static readonly DiagnosticDescriptor NumberOutOfRange = Schema("FLUXGEN012");

    public static readonly DiagnosticDescriptor InvalidKeywordValue = Schema("FLUXGEN013");

    public static readonly DiagnosticDescriptor UnsupportedFormat = Localized("FLUXGEN014", SchemaCategory, DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor UnknownRequired = Schema("FLUXGEN015");

    public static readonly DiagnosticDescriptor ShareConflict = Schema("FLUXGEN016");

    /// <summary>Looks a schema descriptor up by id when a pipeline value is turned back into a diagnostic.</summary>
    public static DiagnosticDescriptor SchemaDescriptorById(string id) => id switch
    {
        "FLUXGEN001" => InvalidJson,
        "FLUXGEN002" => NotUtf8,
        "FLUXGEN003" => WrongKeywordType,
        "FLUXGEN004" => UnsupportedKeyword,
        "FLUXGEN005" => ContradictoryBounds,
        "FLUXGEN006" => DefaultBreaksSchema,
        "FLUXGEN007" => DuplicateModel,
        "FLUXGEN008" => InvalidIdentifier,
        "FLUXGEN009" => ClashingIdentifier,
        "FLUXGEN010" => InvalidApiframeBlock,
        "FLUXGEN011" => UnsupportedShape,
        "FLUXGEN012" => NumberOutOfRange,
        "FLUXGEN013" => InvalidKeywordValue,
        "FLUXGEN014" => UnsupportedFormat,
        "FLUXGEN015" => UnknownRequired,
        "FLUXGEN016" => ShareConflict,
        _ => OpenApiDescriptorById(id),
    };

    private static DiagnosticDescriptor Schema(string id) => Localized(id, SchemaCategory, DiagnosticSeverity.Error);

    // Plain strings, not localized: only for a diagnostic on its way into the resources (the descriptor tests fail on it).
    private static DiagnosticDescriptor Schema(string id, string title, string message) =>
        new(id, title, message, SchemaCategory, DiagnosticSeverity.Error, isEnabledByDefault: true,
            helpLinkUri: HelpLinkBase + id.ToLowerInvariant());
}
