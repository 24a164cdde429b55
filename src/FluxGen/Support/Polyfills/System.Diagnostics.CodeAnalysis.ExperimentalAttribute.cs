namespace System.Diagnostics.CodeAnalysis
{
    /// <summary>Marks an API as experimental (the compiler reports its id where it is used); new in .NET 8.</summary>
    /// <remarks>Written by FluxGen only where the project cannot see one; embedded, so no other compilation sees it.</remarks>
    [global::Microsoft.CodeAnalysis.Embedded]
    [global::System.AttributeUsage(global::System.AttributeTargets.Assembly | global::System.AttributeTargets.Module | global::System.AttributeTargets.Class | global::System.AttributeTargets.Struct | global::System.AttributeTargets.Enum | global::System.AttributeTargets.Constructor | global::System.AttributeTargets.Method | global::System.AttributeTargets.Property | global::System.AttributeTargets.Field | global::System.AttributeTargets.Event | global::System.AttributeTargets.Interface | global::System.AttributeTargets.Delegate, Inherited = false)]
    internal sealed class ExperimentalAttribute : global::System.Attribute
    {
        /// <summary>Marks an API as experimental under <paramref name="diagnosticId"/>.</summary>
        public ExperimentalAttribute(string diagnosticId) => DiagnosticId = diagnosticId;

        /// <summary>The id the compiler reports where the API is used.</summary>
        public string DiagnosticId { get; }

        /// <summary>Where to read about the diagnostic.</summary>
        public string? UrlFormat { get; set; }
    }
}
