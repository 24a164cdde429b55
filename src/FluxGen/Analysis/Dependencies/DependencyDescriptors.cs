using Microsoft.CodeAnalysis;

namespace FluxGen;

internal static partial class Descriptors
{
    /// <summary>FLUX050: an initializer sets a member whose schema <c>dependentRequired</c> needs another member that
    /// the same expression leaves unset.</summary>
    internal static readonly DiagnosticDescriptor DependentMemberMissing = Localized("FLUX050", ValueCategory, DiagnosticSeverity.Error);

    /// <summary>FLUX052: an initializer gives a member the value (or leaves it at the default) under which the API
    /// requires another member, which the same expression leaves unset.</summary>
    internal static readonly DiagnosticDescriptor ValueRequiresMember = Localized("FLUX052", ValueCategory, DiagnosticSeverity.Error);
}
