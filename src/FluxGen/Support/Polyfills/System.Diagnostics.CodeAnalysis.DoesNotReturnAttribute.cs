namespace System.Diagnostics.CodeAnalysis
{
    /// <summary>The method never returns normally; netstandard2.0 and .NET Framework lack it.</summary>
    /// <remarks>Written by FluxGen only where the project cannot see one; embedded, so no other compilation sees it.</remarks>
    [global::Microsoft.CodeAnalysis.Embedded]
    [global::System.AttributeUsage(global::System.AttributeTargets.Method, Inherited = false)]
    internal sealed class DoesNotReturnAttribute : global::System.Attribute
    {
    }
}
