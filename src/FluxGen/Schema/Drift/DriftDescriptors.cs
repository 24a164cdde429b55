using Microsoft.CodeAnalysis;

namespace FluxGen;

/// <summary>What a project's own OpenAPI document changes against the one the package bundles.</summary>
internal static partial class Descriptors
{
    /// <summary>Once per build: the models the project's document added, removed and changed.</summary>
    public static readonly DiagnosticDescriptor DocumentDrift = Localized("FLUXGEN043", SchemaCategory, DiagnosticSeverity.Info);

    /// <summary>At a use of a type whose model the project's document no longer defines. A warning, not info like
    /// FLUXGEN042: the compiler's CS0246 beside it says only that a type is missing, and this says why, in the build
    /// output where the error is read.</summary>
    public static readonly DiagnosticDescriptor RemovedModelUsed = Localized("FLUXGEN044", SchemaCategory, DiagnosticSeverity.Warning);
}
