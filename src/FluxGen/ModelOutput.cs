using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using FluxGen.Emit;
using FluxGen.References;
using FluxGen.Schema.Model;
using Microsoft.CodeAnalysis;

namespace FluxGen;

/// <summary>A file's model id claim; the first file (by path) that claims an id or a type prefix wins.</summary>
internal sealed record ModelClaim(string ModelId, string Prefix, string FilePath, bool FromDocument, int Position);

/// <summary>What every model's step shares: the claims, the options, the references and the names the code uses.</summary>
internal sealed record ModelContext(EquatableArray<ModelClaim> Claims, GeneratorOptions Options, ReferenceSet References, EquatableArray<string> Named);

/// <param name="NamedAs">The first of the model's record names the project's code uses, if any.</param>
internal sealed record ModelInput(SchemaParseResult Parsed, EquatableArray<ModelClaim> Claims, GeneratorOptions Options, ReferenceSet References, string? NamedAs)
{
    /// <summary>Whether this model's types are written here (before duplicate claims and references are settled).</summary>
    /// <remarks>A document body that is not a model's (an action, a call's body) is written when named, whatever
    /// <c>FluxGenModels</c> lists: the list names models, and a call's record needs the client, which naming it brings.</remarks>
    public bool Selected => Parsed.Model is { } model && (model.Operation is null ? Options.Emits(model.ModelId, Parsed.FromDocument, NamedAs is not null) : NamedAs is not null);
}

internal sealed record SharedEnum(EnumSpec Spec, string FilePath, string ModelId);

internal sealed record SharedInput(EquatableArray<SharedEnum> Enums, GeneratorOptions Options, ReferenceSet References);

/// <summary>Turns pipeline values into sources and diagnostics.</summary>
internal static class ModelOutput
{
    // A loop rather than FirstOrDefault with a lambda: asked for each of a document's hundred models in every build.
    private static ModelClaim? FirstClaim(EquatableArray<ModelClaim> claims, string id, string prefix)
    {
        foreach (var claim in claims)
        {
            if (claim.ModelId == id || claim.Prefix == prefix)
            {
                return claim;
            }
        }

        return null;
    }

    public static void Emit(SourceProductionContext context, ModelInput input, string version)
    {
        var parsed = input.Parsed;
        foreach (var diagnostic in parsed.Diagnostics)
        {
            context.ReportDiagnostic(diagnostic.ToDiagnostic());
        }

        if (parsed.ClaimedModelId is { } id && parsed.ClaimLocation is { } location)
        {
            var first = FirstClaim(input.Claims, id, parsed.ClaimedPrefix!);
            if (first is not null && (first.FilePath != parsed.FilePath || first.Position != location.Span.Start))
            {
                var descriptor = parsed.FromDocument && !first.FromDocument ? Descriptors.DocumentModelSkipped : Descriptors.DuplicateModel;
                context.ReportDiagnostic(Diagnostic.Create(descriptor, location.ToLocation(), id, System.IO.Path.GetFileName(first.FilePath)));
                return;
            }
        }

        // The compiler's "type not found" does not say why: a list that leaves out a model the code uses says so.
        if (parsed.Model is { } leftOut && !input.Selected && input.NamedAs is { } typeName && parsed.ClaimLocation is { } claim)
        {
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.ModelLeftOut, claim.ToLocation(), typeName, leftOut.ModelId));
        }

        // A referenced assembly that already has the model's public types provides them to this project too.
        // Below net8.0 with a package missing, nothing compiles; RuntimeOutput says what to add (FLUXGEN022).
        if (parsed.Model is not { } model || !input.Selected || input.References.ProvidesModel(model.ModelId) || !input.References.Target.CanEmit)
        {
            return;
        }

        var ns = input.Options.Namespace;
        var visibility = input.Options.Visibility;
        var sources = WrittenModels.Find(parsed, ns, visibility) ?? Write(parsed, model, ns, visibility, version);
        foreach (var (hintName, text) in sources)
        {
            context.AddSource(hintName, text);
        }
    }

    private static ImmutableArray<(string HintName, string Text)> Write(SchemaParseResult parsed, ModelSpec model, string ns, Visibility visibility, string version)
    {
        var sources = ImmutableArray.CreateBuilder<(string HintName, string Text)>();
        sources.Add((TypeNames.HintName(model.Prefix, model.Request.TypeName), RecordEmitter.Emit(model, model.Request, ns, version, visibility)));
        foreach (var nested in model.NestedObjects)
        {
            sources.Add((TypeNames.HintName(model.Prefix, nested.TypeName), RecordEmitter.Emit(model, nested, ns, version, visibility)));
        }

        if (model.Operation is { Kind: not Schema.Model.OperationKind.Action })
        {
            sources.Add((TypeNames.HintName(model.Prefix, model.Request.TypeName + "ClientExtensions"), RecordEmitter.EmitCall(model, ns, version, visibility)));
        }

        foreach (var type in model.Enums)
        {
            sources.Add((TypeNames.HintName(model.Prefix, type.TypeName), EnumEmitter.Emit(type, ns, version, model.ModelId, visibility)));
        }

        if (!visibility.Internal)
        {
            sources.Add(($"FluxGen.Markers.Model.{model.Prefix}.g.cs", Markers.Model(model.ModelId, version)));
        }

        var written = sources.ToImmutable();
        WrittenModels.Keep(parsed, ns, visibility, written);
        return written;
    }

    public static void EmitShared(SourceProductionContext context, SharedInput input, string version)
    {
        if (!input.References.Target.CanEmit)
        {
            return;
        }

        var emitted = new Dictionary<string, SharedEnum>();
        var visibility = input.Options.Visibility;
        foreach (var shared in input.Enums)
        {
            // Only the models generated here need their shared enums; a reference may already have one of them.
            var name = shared.Spec.TypeName;
            var fullName = input.Options.Namespace + "." + name;
            if (input.References.ProvidesModel(shared.ModelId) || input.References.ProvidesSharedType(fullName))
            {
                continue;
            }

            if (emitted.TryGetValue(name, out var first))
            {
                if (!first.Spec.Members.Equals(shared.Spec.Members))
                {
                    var location = shared.Spec.Location?.ToLocation() ?? Location.Create(shared.FilePath, default, default);
                    context.ReportDiagnostic(Diagnostic.Create(Descriptors.ShareConflict, location, name,
                        string.Join(", ", shared.Spec.Members.Select(m => m.WireValue)),
                        string.Join(", ", first.Spec.Members.Select(m => m.WireValue)),
                        System.IO.Path.GetFileName(first.FilePath)));
                }

                continue;
            }

            emitted[name] = shared;
            context.AddSource($"Shared.{name}.g.cs", EnumEmitter.Emit(shared.Spec, input.Options.Namespace, version, modelId: null, visibility));
            if (!visibility.Internal)
            {
                context.AddSource($"FluxGen.Markers.Shared.{name}.g.cs", Markers.SharedType(fullName, version));
            }
        }
    }
}
