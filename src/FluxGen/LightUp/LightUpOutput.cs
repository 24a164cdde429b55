using System;
using System.Linq;
using FluxGen.Emit;
using FluxGen.Schema.Model;
using Microsoft.CodeAnalysis;

namespace FluxGen.LightUp;

/// <summary>What the light-up output depends on: the enabled features, and whether this compilation emits the client.</summary>
internal sealed record LightUpInput(EquatableArray<string> Features, bool ClientHere, Visibility Visibility, bool DownLevel);

/// <summary>Emits Support/LightUp/&lt;Feature&gt;/ for each feature the compilation's references allow.</summary>
internal static class LightUpOutput
{
    /// <summary>Tracking name of the step that reduces the compilation to its enabled features.</summary>
    public const string Step = "FluxGen.LightUp";

    /// <summary>Tracking name of the step that reduces the models to the AI light-up's image model table.</summary>
    public const string TableStep = "FluxGen.LightUp.ImageModels";

    public static void Register(IncrementalGeneratorInitializationContext context, IncrementalValueProvider<RuntimeInput> runtime, IncrementalValuesProvider<ModelInput> models)
    {
        // Only the enabled feature names leave this step (an equatable array of strings), so an edit that does not
        // change the references stops here and the output below is cached.
        var features = runtime
            .Select(static (input, _) => LightUpFeatures.On(input.References.LightUpFeatures, input.References.Target))
            .WithTrackingName(Step);

        var input = features
            .Combine(runtime)
            .Select(static (pair, _) => new LightUpInput(pair.Left, pair.Right.ClientHere, pair.Right.Options.Visibility, pair.Right.References.Target.DownLevel));

        context.RegisterSourceOutput(input, static (spc, input) => Emit(spc, input));

        // The AI light-up builds requests for any image model by id, so it gets a table of every image model the
        // generator read, whether or not that model's types are written. Only where that light-up is emitted: a
        // project without Microsoft.Extensions.AI does not pay for reading 100 models into a table every build.
        var wanted = input.Select(static (value, _) => value.ClientHere && Contains(value.Features, "AI"));
        var table = models
            .Collect()
            .Combine(wanted)
            .Select(static (pair, _) => pair.Right
                ? ImageModelTable.Settle(pair.Left.Select(model => ImageModelTable.From(model.Parsed.Model, model.Parsed.FromDocument)))
                : EquatableArray<ImageModelEntry>.Empty)
            .WithTrackingName(TableStep);
        context.RegisterSourceOutput(wanted.Combine(table), static (spc, pair) =>
        {
            if (pair.Left)
            {
                spc.AddSource(ImageModelTable.HintName, ImageModelTable.Emit(pair.Right));
            }
        });
    }

    private static void Emit(SourceProductionContext context, LightUpInput input)
    {
        // Light-up code implements the client's partial hooks, so it can only live beside a client emitted here:
        // where a reference provides the client, that reference's own light-up (if any) is the one in use.
        if (!input.ClientHere || input.Features.Count == 0)
        {
            return;
        }

        foreach (var source in SupportSources.All)
        {
            if (source.LightUpFeature is { } feature && Contains(input.Features, feature))
            {
                context.AddSource(source.HintName, source.TextFor(input.Visibility, input.DownLevel));
            }
        }
    }

    private static bool Contains(EquatableArray<string> features, string feature)
    {
        foreach (var enabled in features)
        {
            if (string.Equals(enabled, feature, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
