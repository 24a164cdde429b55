using Microsoft.CodeAnalysis;

namespace FluxGen;

internal static partial class Descriptors
{
    /// <summary>FLUX050: an initializer sets a member whose schema <c>dependentRequired</c> needs another member that
    /// the same expression leaves unset.</summary>
    internal static readonly DiagnosticDescriptor DependentMemberMissing = new(
        "FLUX050",
        "Member needs another member that is not set",
        "'{0}' is set, so '{1}' must be set too",
        ValueCategory,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "The schema's dependentRequired says this member means nothing without the other one, and Apiframe rejects the request. Checked only where the whole object is written in one expression: an object creation with its initializer, or a with expression on one.",
        helpLinkUri: HelpLinkBase + "flux050");
}
