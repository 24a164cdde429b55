using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using FluxGen.Emit;
using FluxGen.LightUp;
using FluxGen.References;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace FluxGen;

/// <summary>What decides whether this project gets the client part of the runtime (see
/// <see cref="SupportSource.IsClient"/>): whether its code names a client type, whether a light-up feature (which
/// extends the client) is enabled, whether it is a library, which other projects may take the runtime from, and
/// whether its code names one of the client's calls beyond jobs (<see cref="SupportSource.IsClientExtra"/>).</summary>
internal sealed record ClientUsage(bool Named, bool LightUp, bool Library, bool ExtrasNamed);

/// <summary>
/// The runtime comes in two parts: the core every model needs (constraint attributes, markers, serialization,
/// validation) and the client (<c>ApiframeClient</c>, jobs, polling, downloads, webhooks), about two thirds of the
/// runtime's source. A project that only builds and checks requests (<c>ToJson</c>, <c>Validate</c>) does not compile
/// the client. A public library always gets it: a project referencing the library takes the runtime from it.
/// </summary>
internal static class RuntimeParts
{
    /// <summary>Tracking name of the step that finds client type names in the project's code.</summary>
    public const string ClientNamedStep = "FluxGen.ClientNamed";

    private const string TypePrefix = "Apiframe";

    /// <summary>A runtime type's declaration; group 1 is its name.</summary>
    private const string TypeDeclaration = @"\b(?:class|struct|interface|enum|record)\s+(" + TypePrefix + @"\w*)";

    /// <summary>The client's type names, read off its sources, so a new client type needs no list kept by hand.</summary>
    private static readonly HashSet<string> ClientTypes = ReadClientTypes();

    public static IncrementalValueProvider<ClientUsage> Usage(IncrementalGeneratorInitializationContext context, IncrementalValueProvider<ReferenceSet> references)
    {
        // Only syntax, one pass for both questions: each tree's names are cached by the syntax provider, and two
        // bools leave this step (a client type named; a call beyond jobs named).
        var named = context.SyntaxProvider
            .CreateSyntaxProvider(static (node, _) => NamesClientType(node) || NamesClientExtra(node), static (syntax, _) => (Client: NamesClientType(syntax.Node), Extras: NamesClientExtra(syntax.Node)))
            .Collect()
            .Select(static (all, _) => (Client: all.Any(static n => n.Client), Extras: all.Any(static n => n.Extras)))
            .WithTrackingName(ClientNamedStep);

        // Only the options: the compilation's referenced assemblies would bind every reference in the generator's time;
        // the reference scan reads the light-up assemblies off the metadata instead.
        var library = context.CompilationProvider.Select(static (compilation, _) =>
            compilation.Options.OutputKind is OutputKind.DynamicallyLinkedLibrary or OutputKind.NetModule);
        var lightUp = references.Select(static (set, _) => set.LightUpFeatures.Count > 0);

        return named.Combine(library).Combine(lightUp)
            .Select(static (all, _) => new ClientUsage(all.Left.Left.Client, all.Right, all.Left.Right, all.Left.Left.Extras));
    }

    /// <summary>The records of the client's own calls (<c>CreateLoraRequest</c>, <c>CreateAssetRequest</c>): naming one
    /// brings the client, whose method sends it (and whose <c>ApiframeFile</c> a LoRA's images are).</summary>
    private static readonly HashSet<string> CallRecords = ReadCallRecords();

    /// <summary>Whether <paramref name="node"/> is a simple name of one of the client's types, or of a call's record.</summary>
    public static bool NamesClientType(SyntaxNode node) =>
        node is IdentifierNameSyntax name
        && (name.Identifier.ValueText.StartsWith(TypePrefix, StringComparison.Ordinal)
            ? ClientTypes.Contains(name.Identifier.ValueText)
            : CallRecords.Contains(name.Identifier.ValueText));

    /// <summary>The names that bring the client's calls beyond jobs: their types, their <c>...Async</c> methods (read
    /// off their sources) and the records of the calls, which those methods send.</summary>
    private static readonly HashSet<string> ExtraNames = ReadExtraNames();

    /// <summary>Whether <paramref name="node"/> names one of the client's calls beyond jobs (<c>UploadAsync</c>,
    /// <c>ApiframeFile</c>, <c>CreateLoraRequest</c>, ...).</summary>
    public static bool NamesClientExtra(SyntaxNode node) =>
        node is IdentifierNameSyntax name && ExtraNames.Contains(name.Identifier.ValueText);

    private static HashSet<string> ReadExtraNames()
    {
        var names = new HashSet<string>(CallRecords, StringComparer.Ordinal);
        var declaration = new Regex(TypeDeclaration + @"|\bpublic\s+(?:async\s+)?[\w<>\[\]?,. ]+?\s(\w+Async)\s*\(", RegexOptions.CultureInvariant);
        var elsewhere = new HashSet<string>(StringComparer.Ordinal);
        foreach (var source in SupportSources.All)
        {
            foreach (Match match in declaration.Matches(source.Text))
            {
                var name = match.Groups[1].Success ? match.Groups[1].Value : match.Groups[2].Value;
                (source.IsClientExtra ? names : elsewhere).Add(name);
            }
        }

        // A partial type the extras extend (ApiframeClient itself) or a method name the rest shares says nothing.
        names.ExceptWith(elsewhere);
        return names;
    }

    private static HashSet<string> ReadCallRecords()
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var call in Schema.SchemaReader.Calls)
        {
            names.Add(call.Prefix + "Request");
        }

        return names;
    }

    private static HashSet<string> ReadClientTypes()
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var declaration = new Regex(TypeDeclaration, RegexOptions.CultureInvariant);
        foreach (var source in SupportSources.All)
        {
            if (!source.IsClient)
            {
                continue;
            }

            foreach (Match match in declaration.Matches(source.Text))
            {
                names.Add(match.Groups[1].Value);
            }
        }

        return names;
    }
}
