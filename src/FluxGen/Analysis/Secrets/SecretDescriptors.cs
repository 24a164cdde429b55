using Microsoft.CodeAnalysis;

namespace FluxGen;

internal static partial class Descriptors
{
    /// <summary>FLUX051: a string constant that looks like an Apiframe API key.</summary>
    internal static readonly DiagnosticDescriptor ApiKeyInSource = new(
        "FLUX051",
        "String looks like an Apiframe API key",
        "This string looks like an Apiframe API key; a key in source code reaches version control and every copy of the build. Read it at run time: from the APIFRAME_API_KEY environment variable (ApiframeClient reads it when ApiKey is unset), from user secrets in development, or from your configuration's secret store.",
        "Security",
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "A key is afk_ followed by at least 24 letters and digits with at least 8 different characters, standing alone or inside a longer string; shorter, word-like or underscore-separated values (afk_test_123) are not keys.",
        helpLinkUri: HelpLinkBase + "flux051");
}
