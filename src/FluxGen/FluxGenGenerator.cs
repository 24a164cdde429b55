using Microsoft.CodeAnalysis;

namespace FluxGen;

/// <summary>Turns Apiframe model schemas (AdditionalFiles with an <c>x-apiframe</c> block) into typed requests.</summary>
[Generator(LanguageNames.CSharp)]
public sealed class FluxGenGenerator : IIncrementalGenerator
{
    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
    }
}
