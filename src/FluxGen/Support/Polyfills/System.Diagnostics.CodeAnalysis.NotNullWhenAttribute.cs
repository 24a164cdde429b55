namespace System.Diagnostics.CodeAnalysis
{
    /// <summary>The parameter is not null when the method returns <see cref="ReturnValue"/>; netstandard2.0 and .NET
    /// Framework lack it.</summary>
    /// <remarks>Written by FluxGen only where the project cannot see one; embedded, so no other compilation sees it.</remarks>
    [global::Microsoft.CodeAnalysis.Embedded]
    [global::System.AttributeUsage(global::System.AttributeTargets.Parameter, Inherited = false)]
    internal sealed class NotNullWhenAttribute : global::System.Attribute
    {
        /// <summary>Marks the parameter as not null when the method returns <paramref name="returnValue"/>.</summary>
        public NotNullWhenAttribute(bool returnValue) => ReturnValue = returnValue;

        /// <summary>The return value that means the parameter is not null.</summary>
        public bool ReturnValue { get; }
    }
}
