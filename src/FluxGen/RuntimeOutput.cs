using System.Linq;
using FluxGen.Emit;
using FluxGen.References;
using Microsoft.CodeAnalysis;

namespace FluxGen;

/// <summary>What the runtime output depends on: what the references already provide, the options, and what decides
/// whether the client part is wanted.</summary>
internal sealed record RuntimeInput(ReferenceSet References, GeneratorOptions Options, ClientUsage Client)
{
    /// <summary>Whether the core runtime is written here: no reference provides it.</summary>
    public bool CoreHere => !References.ProvidesRuntime && References.Target.CanEmit;

    /// <summary>Whether the client part is written here: it is wanted (named by the code, extended by a light-up
    /// feature, or this is a public library others take the runtime from) and no reference provides it.</summary>
    public bool ClientHere => !References.ProvidesClient && References.Target.CanEmit && (Client.Named || Client.LightUp || PublicLibrary);

    /// <summary>Whether the client's calls beyond jobs (<see cref="SupportSource.IsClientExtra"/>) come with it: the
    /// code names one of them, the AI light-up uploads through them, or this is a public library, whose referencing
    /// projects take the whole client from it.</summary>
    public bool ExtrasHere => ClientHere
        && (Client.ExtrasNamed || PublicLibrary || References.LightUpFeatures.AsImmutableArray().Contains("AI"));

    private bool PublicLibrary => Client.Library && !Options.Visibility.Internal;
}

/// <summary>
/// Emits the runtime (every Support/ file outside Support/LightUp/; the client part only where
/// <see cref="RuntimeInput.ClientHere"/>) unless a reference already provides it, the markers that let referencing
/// projects reuse it, the <c>EmbeddedAttribute</c> definition for internal
/// output, and the reference diagnostics. The one place the runtime enters a compilation.
/// </summary>
internal static class RuntimeOutput
{
    public const string RuntimeMarkerHint = "FluxGen.Markers.Runtime.g.cs";
    public const string ClientMarkerHint = "FluxGen.Markers.Client.g.cs";
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

        var target = input.References.Target;
        if (!target.CanEmit)
        {
            // Code that cannot compile would bury these few errors under hundreds; every output writes nothing.
            foreach (var missing in target.Missing)
            {
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.MissingTargetPackage, Location.None, target.TargetName, missing.Display, missing.ProjectItem));
            }

            if (target.OldLanguage is { } language)
            {
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.LanguageTooOld, Location.None, language, Microsoft.CodeAnalysis.CSharp.LanguageVersionFacts.ToDisplayString(Targets.TargetSupport.MinimumLanguage)));
            }

            return;
        }

        var visibility = options.Visibility;
        var polyfills = target.PolyfillsWritten(options.Polyfills).ToList();
        var embeddedPolyfills = polyfills.Count > 0 && options.EmbeddedAllowed;
        if (visibility.Embedded || embeddedPolyfills)
        {
            // Also needed when the runtime comes from a reference: this project's own model types still carry it.
            context.AddSource(EmbeddedAttributeHint, EmbeddedAttributeSource);
        }

        var core = input.CoreHere;
        var client = input.ClientHere;
        var extras = input.ExtrasHere;
        foreach (var source in SupportSources.All)
        {
            if (source.IsPolyfill)
            {
                // Each project writes its own: they are embedded, so a referenced library's are not visible here.
                if (polyfills.Contains(source.PolyfillType!))
                {
                    context.AddSource(source.HintName, source.PolyfillText(embeddedPolyfills));
                }
            }
            else if (!source.IsLightUp && (!source.IsDownLevelOnly || target.DownLevel) && (source.IsClient ? client && (extras || !source.IsClientExtra) : core))
            {
                context.AddSource(source.HintName, source.TextFor(visibility, target.DownLevel));
            }
        }

        if (!visibility.Internal)
        {
            if (core)
            {
                context.AddSource(RuntimeMarkerHint, Markers.Runtime(version));
            }

            if (client)
            {
                context.AddSource(ClientMarkerHint, Markers.Client(version));
            }
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
