namespace FluxGen.Analysis;

/// <summary>Keys of the diagnostic properties that carry a computed fix to the code-fix assembly, which cannot
/// repeat the analysis without the compilation's attributes at hand.</summary>
internal static class FixProperties
{
    /// <summary>C# source of the expression that replaces the reported value.</summary>
    public const string Replacement = "FluxGen.Replacement";

    /// <summary>Which fix this is; also its Fix All equivalence key.</summary>
    public const string Kind = "FluxGen.FixKind";

    public const string Clamp = "FluxGen.ClampToRange";

    public const string Snap = "FluxGen.SnapToStep";

    public const string Closest = "FluxGen.ClosestAllowedValue";

    public const string AddScheme = "FluxGen.AddHttpsScheme";
}
