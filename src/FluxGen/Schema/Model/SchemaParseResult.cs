namespace FluxGen.Schema.Model;

/// <summary>The outcome of reading one AdditionalFile: a model when the file is a usable schema, and the problems
/// found. A JSON file that is not an Apiframe schema gives neither.</summary>
internal sealed record SchemaParseResult(string FilePath, ModelSpec? Model, EquatableArray<DiagnosticInfo> Diagnostics)
{
    /// <summary>The model id the file claims, even when errors keep it from generating; used to spot duplicates.</summary>
    public string? ClaimedModelId { get; init; }

    /// <summary>Where the claim is made, for a duplicate-id diagnostic.</summary>
    public SourceSpan? ClaimLocation { get; init; }

    /// <summary>Whether the model comes from a branch of an OpenAPI document; a schema file claiming the same model wins.</summary>
    public bool FromDocument { get; init; }

    /// <summary>The type-name prefix of the claimed model: the parsed model's own when it parsed, else derived from
    /// the id, so a claim that errors kept from generating still collides with another of the same prefix.</summary>
    public string? ClaimedPrefix => Model?.Prefix ?? (ClaimedModelId is { } id ? Naming.ModelPrefix(id) : null);
}
