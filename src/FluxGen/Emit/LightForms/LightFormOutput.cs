using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using FluxGen.References;
using FluxGen.Schema.Model;
using Microsoft.CodeAnalysis;

namespace FluxGen.Emit.LightForms;

/// <summary>What the light forms depend on: the models to declare and how to declare them.</summary>
/// <param name="Models">The document models that get a light form, in document order.</param>
/// <param name="Namespace">The generated namespace.</param>
/// <param name="Embedded">Whether each form is marked <c>[Microsoft.CodeAnalysis.Embedded]</c>.</param>
/// <param name="DefinesEmbedded">Whether this output also defines that attribute (the runtime does only for internal output).</param>
internal sealed record LightFormInput(EquatableArray<LightModel> Models, string Namespace, bool Embedded, bool DefinesEmbedded);

/// <summary>
/// Makes every documented model discoverable as the user types: one file declares, for each document model the
/// code does not name yet, an empty <c>internal sealed partial class</c> of its request and params names with a
/// summary of the model. Completion after <c>new Kling</c> then offers every Kling model; accepting one names it, and
/// the generator writes the full model in place of its light form. Members would cost compile time in every build
/// (the reason unnamed models are not written in full), so the forms have none.
/// </summary>
/// <remarks>
/// A form never meets a full type of the same name: a model the code names, a <c>FluxGenModels</c> list selects
/// (or leaves out, so FLUXGEN042 and the compiler's CS0246 still say so), a reference provides, or a schema file
/// claims gets no light form. Forms are internal and embedded (where the compiler accepts that), so a referencing
/// project never sees them, even one granted InternalsVisibleTo.
/// </remarks>
internal static class LightFormOutput
{
    public const string HintName = "FluxGen.LightForms.g.cs";

    public static void Register(
        IncrementalGeneratorInitializationContext context,
        IncrementalValueProvider<ImmutableArray<SchemaParseResult>> kept,
        IncrementalValueProvider<EquatableArray<ModelClaim>> claims,
        IncrementalValueProvider<GeneratorOptions> options,
        IncrementalValueProvider<ReferenceSet> references,
        IncrementalValueProvider<EquatableArray<string>> named,
        string trackingName)
    {
        // Reduced from the collected results in one step: a per-model step would be driver work for each of a
        // document's hundred models in every build. The last build's models and text are reused when nothing
        // changed (LastForms).
        var input = kept
            .Select(static (results, _) => LastForms.Models(results))
            .Combine(claims)
            .Combine(options)
            .Combine(references)
            .Combine(named)
            .Select(static (all, _) =>
            {
                // The options keep the embedded setting apart from the visibility, which drops it for public output.
                var ((((models, modelClaims), generatorOptions), referenceSet), names) = all;
                return Select(models.AsImmutableArray(), modelClaims, generatorOptions, referenceSet, names, generatorOptions.EmbeddedAllowed);
            })
            .WithTrackingName(trackingName);

        context.RegisterSourceOutput(input, static (spc, value) =>
        {
            if (value.Models.Count == 0)
            {
                return;
            }

            spc.AddSource(HintName, LastForms.Text(value));
            if (value.DefinesEmbedded)
            {
                spc.AddSource(RuntimeOutput.EmbeddedAttributeHint, RuntimeOutput.EmbeddedAttributeSource);
            }
        });
    }

    private static LightFormInput Select(System.Collections.Immutable.ImmutableArray<LightModel> models, EquatableArray<ModelClaim> claims, GeneratorOptions options, ReferenceSet references, EquatableArray<string> named, bool embedded)
    {
        // The runtime defines the attribute for internal output and for polyfills (under the same setting).
        var definesEmbedded = embedded && !options.Visibility.Embedded && !references.Target.PolyfillsWritten(options.Polyfills).Any();

        // A list, or '*', writes each listed model in full and no other: nothing is left to declare lightly. Nor is
        // anything written below net8.0 while a package is missing (FLUXGEN022).
        if (options.Models.Count > 0 || options.EveryModel || !references.Target.CanEmit)
        {
            return new LightFormInput(EquatableArray<LightModel>.Empty, options.Namespace, embedded, definesEmbedded);
        }

        // The first claim of each id and of each prefix, so settling a hundred models is not a hundred scans of a
        // hundred claims.
        var firstById = new Dictionary<string, int>(StringComparer.Ordinal);
        var firstByPrefix = new Dictionary<string, int>(StringComparer.Ordinal);
        var all = claims.AsImmutableArray();
        for (var i = 0; i < all.Length; i++)
        {
            if (!firstById.ContainsKey(all[i].ModelId))
            {
                firstById.Add(all[i].ModelId, i);
            }

            if (!firstByPrefix.ContainsKey(all[i].Prefix))
            {
                firstByPrefix.Add(all[i].Prefix, i);
            }
        }

        var chosen = models.Where(m => !m.IsNamedIn(named) && !references.ProvidesModel(m.ModelId) && WinsClaim(m, all, firstById, firstByPrefix)).ToEquatableArray();
        return new LightFormInput(chosen, options.Namespace, embedded, definesEmbedded);
    }

    // The claim that writes a model, as the model output settles it (the first claim of the same id or prefix): a
    // schema file's model of the same id or prefix is written instead, and a form of the same name would collide.
    private static bool WinsClaim(LightModel model, ImmutableArray<ModelClaim> claims, Dictionary<string, int> firstById, Dictionary<string, int> firstByPrefix)
    {
        var byId = firstById.TryGetValue(model.ModelId, out var idIndex) ? idIndex : int.MaxValue;
        var byPrefix = firstByPrefix.TryGetValue(model.Prefix, out var prefixIndex) ? prefixIndex : int.MaxValue;
        var index = Math.Min(byId, byPrefix);
        if (index == int.MaxValue)
        {
            return true;
        }

        var first = claims[index];
        return first.FilePath == model.FilePath && first.Position == model.ClaimPosition;
    }

    /// <summary>The file: per form a summary line, the attribute line where embedded, and the declaration.</summary>
    internal static string Write(LightFormInput input)
    {
        // Plain appends: about 200 one-line declarations, written once per change of the named set.
        var text = new StringBuilder(input.Models.Count * 400);
        text.Append(Header.Text).Append('\n');
        text.Append("namespace ").Append(input.Namespace).Append("\n{\n");
        foreach (var model in input.Models)
        {
            var facts = Facts(model);
            Declare(text, model.RequestTypeName, model.OperationSummary ?? "Request of " + facts, input.Embedded);
            if (model.ParamsTypeName is { } parameters)
            {
                Declare(text, parameters, "Parameters of " + facts, input.Embedded);
            }
        }

        text.Append("}\n");
        return text.ToString();
    }

    private static string Facts(LightModel model)
    {
        var modality = model.Modality is { } kind ? " (" + Literals.Xml(kind) + ")" : string.Empty;
        return "model <c>" + Literals.Xml(model.ModelId) + "</c>" + modality + ", posted to <c>" + Literals.Xml(model.Endpoint)
            + "</c>. Name the type and FluxGen writes its members.";
    }

    private static void Declare(StringBuilder text, string typeName, string summary, bool embedded)
    {
        text.Append("    /// <summary>").Append(summary).Append("</summary>\n");
        if (embedded)
        {
            text.Append("    ").Append(Visibility.EmbeddedAttributeLine).Append('\n');
        }

        text.Append("    internal sealed partial class ").Append(typeName).Append(" { }\n");
    }
}
