using Microsoft.CodeAnalysis;

namespace FluxGen;

/// <summary>Problems with what a project's references bring (FLUXGEN020–FLUXGEN024).</summary>
internal static partial class Descriptors
{
    private const string ReferencesCategory = "FluxGen.References";

    public static readonly DiagnosticDescriptor VersionSkew = Localized("FLUXGEN020", ReferencesCategory, DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor InvalidVisibility = Localized("FLUXGEN021", ReferencesCategory, DiagnosticSeverity.Warning);

    /// <summary>Below net8.0 the generated code needs a package the project lacks (Targets/RequiredPackages).</summary>
    public static readonly DiagnosticDescriptor MissingTargetPackage = Localized("FLUXGEN022", ReferencesCategory, DiagnosticSeverity.Error);

    /// <summary>The project's C# is older than the generated code's (Targets/TargetSupport.MinimumLanguage).</summary>
    public static readonly DiagnosticDescriptor LanguageTooOld = Localized("FLUXGEN023", ReferencesCategory, DiagnosticSeverity.Error);
}
