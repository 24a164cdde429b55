using Microsoft.CodeAnalysis;

namespace FluxGen;

internal static partial class Descriptors
{
    /// <summary>FLUX009: one of the values an expression can have (a branch of a conditional, one of the assignments
    /// of a local) breaks a rule, and others do not or are not known. Carries the underlying rule's message.</summary>
    internal static readonly DiagnosticDescriptor MayBreakSchema = Localized("FLUX009", ValueCategory, DiagnosticSeverity.Warning);
}
