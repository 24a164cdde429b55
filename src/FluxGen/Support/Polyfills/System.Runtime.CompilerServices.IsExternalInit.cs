namespace System.Runtime.CompilerServices
{
    /// <summary>The marker <c>init</c> accessors and records compile to, which frameworks before .NET 5 lack.</summary>
    /// <remarks>Written by FluxGen only where the project cannot see one; embedded, so no other compilation sees it.</remarks>
    [global::Microsoft.CodeAnalysis.Embedded]
    internal static class IsExternalInit
    {
    }
}
