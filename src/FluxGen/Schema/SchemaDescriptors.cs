using Microsoft.CodeAnalysis;

namespace FluxGen;

/// <summary>Problems in schema files. Each points at the offending line and column of the file.</summary>
internal static partial class Descriptors
{
    private const string SchemaCategory = "FluxGen.Schema";

    public static readonly DiagnosticDescriptor InvalidJson = Schema("FLUXGEN001", "Schema file is not valid JSON",
        "{0} is not valid JSON: {1}");

    public static readonly DiagnosticDescriptor NotUtf8 = Schema("FLUXGEN002", "Schema file is not valid UTF-8",
        "{0} holds bytes that are not valid UTF-8; save it as UTF-8");

    public static readonly DiagnosticDescriptor WrongKeywordType = Schema("FLUXGEN003", "Schema keyword has the wrong type",
        "'{0}' must be {1}, but it is {2}");

    public static readonly DiagnosticDescriptor UnsupportedKeyword = Schema("FLUXGEN004", "Schema keyword is not supported",
        "'{0}' is not a keyword FluxGen supports; {1}");

    public static readonly DiagnosticDescriptor ContradictoryBounds = Schema("FLUXGEN005", "Schema bounds contradict each other",
        "{0}: {1}");

    public static readonly DiagnosticDescriptor DefaultBreaksSchema = Schema("FLUXGEN006", "Default value breaks its own schema",
        "The default of '{0}' ({1}) breaks its own schema: {2}");

    public static readonly DiagnosticDescriptor DuplicateModel = Schema("FLUXGEN007", "Two schema files claim one model",
        "Model '{0}' is already generated from {1}; this file is skipped");

    public static readonly DiagnosticDescriptor InvalidIdentifier = Schema("FLUXGEN008", "Name does not map to a C# identifier",
        "'{0}' maps to '{1}', which is not a valid C# identifier");

    public static readonly DiagnosticDescriptor ClashingIdentifier = Schema("FLUXGEN009", "Names map to the same C# identifier",
        "'{0}' maps to '{1}', which {2}");

    public static readonly DiagnosticDescriptor InvalidApiframeBlock = Schema("FLUXGEN010", "Invalid x-apiframe block",
        "The x-apiframe block {0}");

    public static readonly DiagnosticDescriptor UnsupportedShape = Schema("FLUXGEN011", "Schema shape is not supported",
        "'{0}': {1}");

    public static readonly DiagnosticDescriptor NumberOutOfRange = Schema("FLUXGEN012", "Number is out of range",
        "'{0}' is {1}, which {2}");

    public static readonly DiagnosticDescriptor InvalidKeywordValue = Schema("FLUXGEN013", "Schema keyword has an invalid value",
        "'{0}' {1}");

    public static readonly DiagnosticDescriptor UnsupportedFormat = new("FLUXGEN014", "Format is not checked",
        "Format '{0}' of '{1}' is not checked by FluxGen; the value is passed as a plain string",
        SchemaCategory, DiagnosticSeverity.Warning, isEnabledByDefault: true, helpLinkUri: HelpLinkBase + "fluxgen014");

    public static readonly DiagnosticDescriptor UnknownRequired = Schema("FLUXGEN015", "Required member is not declared",
        "'{0}' is listed in 'required' but is not among the properties of '{1}'");

    public static readonly DiagnosticDescriptor ShareConflict = Schema("FLUXGEN016", "Shared type defined two ways",
        "Shared enum '{0}' has the values [{1}] here but [{2}] in {3}; every schema must agree");

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

    private static DiagnosticDescriptor Schema(string id, string title, string message) =>
        new(id, title, message, SchemaCategory, DiagnosticSeverity.Error, isEnabledByDefault: true,
            helpLinkUri: HelpLinkBase + id.ToLowerInvariant());
}
