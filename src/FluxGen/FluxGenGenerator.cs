using System;
using System.Collections.Immutable;
using System.Linq;
using FluxGen.Emit;
using FluxGen.References;
using FluxGen.Schema;
using FluxGen.Schema.Drift;
using FluxGen.Schema.Model;
using FluxGen.Usage;
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

        /// <summary>What the target framework gives the generated code (Targets/TargetSupport).</summary>
        public const string Target = "FluxGen.Target";

        /// <summary>What the compilation's references already provide (runtime, models, shared types, versions).</summary>
        public const string References = "FluxGen.References";

        /// <summary>The request and params type names the project's code uses, which select a document's models.</summary>
        public const string Usage = "FluxGen.Usage";

        /// <summary>Which OpenAPI documents the package bundles and which the project added (Schema/Drift).</summary>
        public const string Documents = "FluxGen.Documents";

        /// <summary>What the project's document changed against the bundled one.</summary>
        public const string Drift = "FluxGen.Drift";

        /// <summary>Each use of a type whose model the project's document removed.</summary>
        public const string RemovedUse = "FluxGen.RemovedUse";

        /// <summary>Each schema file that wins over a document model, with what the document says and the file does not.</summary>
        public const string Overrides = "FluxGen.Overrides";

        /// <summary>The document models that get a light, declaration-only form, for completion.</summary>
        public const string LightForms = "FluxGen.LightForms";
    }

    /// <summary>The version written into markers and compared with referenced ones: the package version (the
    /// informational version without its source revision), so two different packages never look alike.</summary>
    internal static readonly string Version = ReadVersion();

    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        // Each file with its build stamp, so a fresh driver (every command-line build) skips loading a document
        // the server already read (Schema/ReadCache); the pair is equal while the text object and stamp are, so a
        // new options provider alone reruns nothing.
        var parsed = context.AdditionalTextsProvider
            .Where(static text => text.Path.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Select(static (pair, _) => new StampedText(pair.Left, pair.Right.GetOptions(pair.Left).TryGetValue(ReadCache.StampMetadata, out var stamp) ? stamp : null))
            .SelectMany(static (file, ct) => SchemaReader.ReadAll(file.Text.Path, file.Stamp, () => file.Text.GetText(ct), ct))
            .WithTrackingName(Steps.Parse);

        // A project's own OpenAPI document supersedes the bundled one as a whole (Schema/Drift). What reads every
        // result reads them collected once: a document yields a hundred results, and each step per result is driver
        // work for each of them in every build (a command-line build makes a new driver every time).
        var all = parsed.Collect();
        var documents = DocumentPipeline.Roles(context, all);
        var kept = DocumentPipeline.Kept(all, documents);

        var options = context.AnalyzerConfigOptionsProvider
            .Select(static (provider, _) => GeneratorOptions.From(provider.GlobalOptions))
            .WithTrackingName(Steps.Options);

        // Each reference is read once (the per-reference step caches on the reference itself), so an edit that
        // leaves the references alone costs a comparison per reference.
        var scanned = context.MetadataReferencesProvider
            .Select(static (reference, ct) => ReferenceScanner.Scan(reference, ct))
            .Collect()
            .Select(static (all, _) => ReferenceSet.From(all));

        // The target: net8.0 or later is told by the scan; below it the compilation is asked (type lookups), which
        // is new on every edit, but the value is equal while the target is, so nothing after it reruns.
        var target = context.CompilationProvider
            .Combine(context.ParseOptionsProvider)
            .Combine(scanned.Select(static (set, _) => set.ModernTarget))
            .Select(static (all, _) => Targets.TargetSupport.From(all.Left.Left, all.Left.Right, all.Right))
            .WithTrackingName(Steps.Target);
        var references = scanned
            .Combine(target)
            .Select(static (all, _) => all.Left with { Target = all.Right })
            .WithTrackingName(Steps.References);

        var runtime = references.Combine(options).Combine(RuntimeParts.Usage(context, references))
            .Select(static (input, _) => new RuntimeInput(input.Left.Left, input.Left.Right, input.Right));
        context.RegisterSourceOutput(runtime, static (spc, input) => RuntimeOutput.Emit(spc, input, Version));

        var keptAll = kept.Collect();
        var claims = keptAll
            .Select(static (results, _) => results
                .Where(static result => result.ClaimedModelId is not null)
                .Select(static result => new ModelClaim(result.ClaimedModelId!, result.ClaimedPrefix!, result.FilePath, result.FromDocument, result.ClaimLocation?.Span.Start ?? 0))
                .OrderBy(c => c.FromDocument)
                .ThenBy(c => c.FilePath, StringComparer.Ordinal)
                .ThenBy(c => c.Position)
                .ToEquatableArray())
            .WithTrackingName(Steps.Claims);

        var named = context.SyntaxProvider
            .CreateSyntaxProvider(static (node, _) => ModelUsage.IsCandidate(node), static (syntax, _) => ModelUsage.NameOf(syntax.Node))
            .Collect()
            .Select(static (names, _) => ModelUsage.Distinct(names))
            .WithTrackingName(Steps.Usage);

        // Each model keeps only which of its own names the code uses, so naming one more model reruns that model alone.
        // What every model shares is combined once and then with each model: every per-item step is driver work for
        // each of a document's hundred models in every build.
        var shared = claims.Combine(options).Combine(references).Combine(named)
            .Select(static (input, _) => new ModelContext(input.Left.Left.Left, input.Left.Left.Right, input.Left.Right, input.Right));
        var models = kept
            .Combine(shared)
            .Select(static (input, _) =>
            {
                var (parsedModel, common) = input;
                var namedAs = parsedModel.Model is { } model ? ModelUsage.FirstNamed(common.Named, model) : null;
                return new ModelInput(parsedModel, common.Claims, common.Options, common.References, namedAs);
            })
            .WithTrackingName(Steps.Model);

        DocumentPipeline.Register(context, all, documents, claims);
        OverridePipeline.Register(context, keptAll);

        context.RegisterSourceOutput(models, static (spc, input) => ModelOutput.Emit(spc, input, Version));

        var sharedEnums = models
            .Collect()
            .Combine(options)
            .Combine(references)
            .Select(static (input, _) => new SharedInput(SharedEnums(input.Left.Left), input.Left.Right, input.Right))
            .WithTrackingName(Steps.Shared);

        context.RegisterSourceOutput(sharedEnums, static (spc, input) => ModelOutput.EmitShared(spc, input, Version));

        // Every documented model the code does not name yet (of the documents kept), declared without members so
        // completion can offer it.
        Emit.LightForms.LightFormOutput.Register(context, keptAll, claims, options, references, named, Steps.LightForms);

        // Support/LightUp/<Feature>/: DI, logging, ASP.NET Core and Microsoft.Extensions.AI, only where the compilation references them.
        LightUp.LightUpOutput.Register(context, runtime, models);
    }

    /// <summary>The shared enums of every selected model, ordered by file so the first model to define one wins.</summary>
    private static EquatableArray<SharedEnum> SharedEnums(ImmutableArray<ModelInput> models) =>
        models
            .Where(static input => input.Selected)
            .Select(static input => input.Parsed.Model!)
            .SelectMany(static model => model.SharedEnums.Select(e => new SharedEnum(e, model.FilePath, model.ModelId)))
            .OrderBy(static x => x.FilePath, StringComparer.Ordinal)
            .ToEquatableArray();

    private static string ReadVersion()
    {
        var assembly = typeof(FluxGenGenerator).Assembly;
        var informational = assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false)
            .OfType<System.Reflection.AssemblyInformationalVersionAttribute>().FirstOrDefault()?.InformationalVersion;
        if (!string.IsNullOrEmpty(informational))
        {
            var plus = informational!.IndexOf('+');
            return plus < 0 ? informational : informational.Substring(0, plus);
        }

        return assembly.GetName().Version?.ToString(3) ?? "0.0.0";
    }
}
