using System;
using System.Collections.Immutable;
using System.Linq;
using FluxGen.Emit;
using FluxGen.Schema;
using FluxGen.Schema.Model;
using Microsoft.CodeAnalysis;

namespace FluxGen;

/// <summary>
/// Turns Apiframe model schemas (any <c>.json</c> AdditionalFile with an <c>x-apiframe</c> block, and every model
/// of an OpenAPI 3.x document) into typed requests, and emits the client runtime once. Each model is its own
/// pipeline value, so editing one reruns only its outputs.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class FluxGenGenerator : IIncrementalGenerator
{
    /// <summary>Tracking names of the pipeline steps, for tests that prove caching.</summary>
    public static class Steps
    {
        /// <summary>One schema file read into a model.</summary>
        public const string Parse = "FluxGen.Parse";

        /// <summary>The options the output depends on.</summary>
        public const string Options = "FluxGen.Options";

        /// <summary>Every file's model id claim, to settle duplicates.</summary>
        public const string Claims = "FluxGen.Claims";

        /// <summary>One model with everything its output needs.</summary>
        public const string Model = "FluxGen.Model";

        /// <summary>Every shared enum, to emit each once.</summary>
        public const string Shared = "FluxGen.Shared";
    }

    private static readonly string Version = typeof(FluxGenGenerator).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        context.RegisterPostInitializationOutput(static post =>
        {
            foreach (var (hintName, text) in SupportSources.All)
            {
                post.AddSource(hintName, text);
            }
        });

        var parsed = context.AdditionalTextsProvider
            .Where(static text => text.Path.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
            .SelectMany(static (text, ct) => SchemaReader.ReadAll(text.Path, text.GetText(ct), ct))
            .WithTrackingName(Steps.Parse);

        var options = context.AnalyzerConfigOptionsProvider
            .Select(static (provider, _) => GeneratorOptions.From(provider.GlobalOptions))
            .WithTrackingName(Steps.Options);

        var claims = parsed
            .Where(static result => result.ClaimedModelId is not null)
            .Select(static (result, _) => new ModelClaim(result.ClaimedModelId!, Naming.ModelPrefix(result.ClaimedModelId!), result.FilePath, result.FromDocument, result.ClaimLocation?.Span.Start ?? 0))
            .Collect()
            .Select(static (all, _) => all
                .OrderBy(c => c.FromDocument)
                .ThenBy(c => c.FilePath, StringComparer.Ordinal)
                .ThenBy(c => c.Position)
                .ToEquatableArray())
            .WithTrackingName(Steps.Claims);

        var models = parsed
            .Combine(claims)
            .Combine(options)
            .Select(static (input, _) => new ModelInput(input.Left.Left, input.Left.Right, input.Right))
            .WithTrackingName(Steps.Model);

        context.RegisterSourceOutput(models, static (spc, input) => ModelOutput.Emit(spc, input, Version));

        var shared = parsed
            .Combine(options)
            .Select(static (input, _) => input.Left.Model is not { } model || !input.Right.Emits(model.ModelId)
                ? EquatableArray<SharedEnum>.Empty
                : model.SharedEnums.Select(e => new SharedEnum(e, model.FilePath, model.ModelId)).ToEquatableArray())
            .Collect()
            .Combine(options)
            .Select(static (input, _) => new SharedInput(input.Left.SelectMany(x => x).OrderBy(x => x.FilePath, StringComparer.Ordinal).ToEquatableArray(), input.Right))
            .WithTrackingName(Steps.Shared);

        context.RegisterSourceOutput(shared, static (spc, input) => ModelOutput.EmitShared(spc, input, Version));
    }
}
