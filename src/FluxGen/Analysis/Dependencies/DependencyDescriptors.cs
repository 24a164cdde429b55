using Microsoft.CodeAnalysis;

namespace FluxGen;

internal static partial class Descriptors
{
    /// <summary>FLUX050: an initializer sets a member whose schema <c>dependentRequired</c> needs another member that
    /// the same expression leaves unset.</summary>
    internal static readonly DiagnosticDescriptor DependentMemberMissing = Localized("FLUX050", ValueCategory, DiagnosticSeverity.Error);
}
