namespace System.Diagnostics.CodeAnalysis
{
    /// <summary>The value is not null when the member returns, even if its type allows null; netstandard2.0 and .NET
    /// Framework lack it.</summary>
    /// <remarks>Written by FluxGen only where the project cannot see one; embedded, so no other compilation sees it.</remarks>
    [global::Microsoft.CodeAnalysis.Embedded]
    [global::System.AttributeUsage(global::System.AttributeTargets.Field | global::System.AttributeTargets.Parameter | global::System.AttributeTargets.Property | global::System.AttributeTargets.ReturnValue, Inherited = false)]
    internal sealed class NotNullAttribute : global::System.Attribute
    {
    }
}
