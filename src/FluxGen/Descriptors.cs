namespace FluxGen;

/// <summary>Every diagnostic FluxGen reports. IDs are never reused: FLUXGEN0xx for schema files, FLUX0xx for values
/// in user code. Each part of the product declares its own descriptors in a partial of this one class.</summary>
internal static partial class Descriptors
{
    internal const string HelpLinkBase = "https://github.com/fluxgen/fluxgen/blob/main/README.md#";
}
