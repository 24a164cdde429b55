using Microsoft.CodeAnalysis;

namespace FluxGen;

internal static partial class Descriptors
{
    /// <summary>FLUX051: a string constant that looks like an Apiframe API key.</summary>
    internal static readonly DiagnosticDescriptor ApiKeyInSource = Localized("FLUX051", "Security", DiagnosticSeverity.Warning);
}
