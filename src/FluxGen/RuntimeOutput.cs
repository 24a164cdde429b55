using FluxGen.Emit;
using FluxGen.References;
using Microsoft.CodeAnalysis;

namespace FluxGen;

/// <summary>What the runtime output depends on: what the references already provide, and the options.</summary>
internal sealed record RuntimeInput(ReferenceSet References, GeneratorOptions Options);

/// <summary>
/// Emits the client runtime (every Support/ file outside Support/LightUp/) unless a reference already provides it,
/// the markers that let referencing projects reuse it, the <c>EmbeddedAttribute</c> definition for internal
/// output, and the reference diagnostics. The one place the runtime enters a compilation.
/// </summary>
internal static class RuntimeOutput
{
    public const string RuntimeMarkerHint = "FluxGen.Markers.Runtime.g.cs";
    public const string EmbeddedAttributeHint = "FluxGen.EmbeddedAttribute.g.cs";

    public static void Emit(SourceProductionContext context, RuntimeInput input, string version)
    {
        var options = input.Options;
        if (options.InvalidVisibility is { } invalid)
        {
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.InvalidVisibility, Location.None, invalid));
        }

        foreach (var marked in input.References.Versions)
        {
            if (marked.Version != version)
            {
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.VersionSkew, Location.None, marked.AssemblyName, marked.Version, version));
            }
        }

        var visibility = options.Visibility;
        if (visibility.Embedded)
        {
            // Also needed when the runtime comes from a reference: this project's own model types still carry it.
            context.AddSource(EmbeddedAttributeHint, EmbeddedAttributeSource);
        }

        if (input.References.ProvidesRuntime)
        {
            return;
        }

        foreach (var source in SupportSources.All)
        {
            if (source.IsLightUp)
            {
                continue;
            }

            context.AddSource(source.HintName, source.TextFor(visibility));
        }

        if (!visibility.Internal)
        {
            context.AddSource(RuntimeMarkerHint, Markers.Runtime(version));
        }
    }

    /// <summary>The definition Roslyn's own <c>AddEmbeddedAttributeDefinition</c> writes (missing from Roslyn 4.8,
    /// which FluxGen builds against): internal, sealed and partial, so another generator's identical copy merges
    /// with it instead of clashing. It is embedded itself, or a project granted InternalsVisibleTo would see two.</summary>
    internal const string EmbeddedAttributeSource = Header.Text + """

        namespace Microsoft.CodeAnalysis
        {
            /// <summary>Hides a type from every other compilation, even one this assembly grants InternalsVisibleTo.</summary>
            [global::Microsoft.CodeAnalysis.Embedded]
            internal sealed partial class EmbeddedAttribute : global::System.Attribute
            {
            }
        }

        """;
}
