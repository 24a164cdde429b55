namespace FluxGen.Schema.Model;

/// <summary>Everything one schema file says about one model, in the shape the emitters need.</summary>
internal sealed record ModelSpec(
    string FilePath,
    string ModelId,
    string Prefix,
    string Endpoint,
    string? ParamsKey,
    string? Provider,
    string? Modality,
    string AverageSeconds,
    ObjectSpec Request,
    EquatableArray<ObjectSpec> NestedObjects,
    EquatableArray<EnumSpec> Enums,
    EquatableArray<EnumSpec> SharedEnums)
{
    /// <summary>For a document body that is not a model's (a follow-up action, a call of its own such as creating a
    /// LoRA): what it is. <see cref="ModelId"/> is then a key no model id can take (<c>midjourney:upsample</c>,
    /// <c>POST /v2/loras</c>), used for claims and markers only.</summary>
    public OperationSpec? Operation { get; init; }

    /// <summary>The model id a request names: the model's own, or for an action the model it acts on.</summary>
    public string RequestModelId => Operation?.ParentModel ?? ModelId;
}

/// <summary>The kinds of document body that are records but not models.</summary>
internal enum OperationKind
{
    /// <summary>A branch of an action union (<c>MidjourneyActionRequest</c>): a job submitted like a model's request.</summary>
    Action,

    /// <summary>A JSON body of a client call with its own answer (<c>CreateAssetRequest</c>).</summary>
    JsonCall,

    /// <summary>A <c>multipart/form-data</c> body of a client call (<c>CreateLoraRequest</c>).</summary>
    FormCall,
}

/// <param name="Kind">What the body is.</param>
/// <param name="ParentModel">For an action, the model whose job it acts on (<c>midjourney</c>).</param>
/// <param name="Action">For an action, its fixed <c>action</c> value (<c>upsample</c>).</param>
/// <param name="ClientMethod">For a call, the client method that sends it (<c>CreateLoraAsync</c>).</param>
/// <param name="ClientResult">For a call, the C# type its task gives (<c>global::Apiframe.ApiframeLora</c>).</param>
internal sealed record OperationSpec(OperationKind Kind, string? ParentModel, string? Action, string? ClientMethod, string? ClientResult);

/// <summary>A generated record: the request itself or an object nested in it.</summary>
internal sealed record ObjectSpec(string TypeName, string? Description, string JsonPath, EquatableArray<PropertySpec> Properties)
{
    /// <summary>The object's <c>dependentRequired</c> rules, in schema order.</summary>
    public EquatableArray<DependentRequirement> DependentRequired { get; init; }
}

/// <summary>One JSON member of an object and the C# property that stands for it.</summary>
internal sealed record PropertySpec(string JsonName, string ClrName, string JsonPath, bool IsRequired, string? Description, ValueSpec Value);

/// <summary>The kinds of value FluxGen maps to C# types.</summary>
internal enum ValueKind
{
    String,
    Number,
    Integer,
    Boolean,
    Enum,
    Object,
    Array,

    /// <summary>A member FluxGen cannot type honestly (OpenAPI input only): kept as raw JSON.</summary>
    Json,

    /// <summary>A file of a <c>multipart/form-data</c> body (<c>format: binary</c>): an <c>ApiframeFile</c>.</summary>
    File,
}

/// <summary>A value's type and every constraint the schema puts on it; numbers stay decimal text.</summary>
internal sealed record ValueSpec(
    ValueKind Kind,
    string? TypeName,
    string? Const,
    string? Default,
    string? Minimum,
    string? Maximum,
    string? ExclusiveMinimum,
    string? ExclusiveMaximum,
    string? MultipleOf,
    int? MinLength,
    int? MaxLength,
    int? MinItems,
    int? MaxItems,
    string? Format,
    EquatableArray<string> AllowedValues,
    ValueSpec? Items)
{
    /// <summary>Whether an integer's bounds both fit in <see cref="int"/>, so the property can be an int.</summary>
    public bool FitsInt32 { get; init; }

    /// <summary>The ECMAScript regular expression a string must match (<c>pattern</c>), as the schema writes it.</summary>
    public string? Pattern { get; init; }

    /// <summary>For <see cref="ValueKind.Json"/>: the member's schema text, shown in the docs, and why it is untyped.</summary>
    public string? SchemaText { get; init; }

    /// <summary>For <see cref="ValueKind.Json"/>: why FluxGen could not type the member.</summary>
    public string? UntypedReason { get; init; }
}

/// <summary>A generated enum and the wire string of each member.</summary>
internal sealed record EnumSpec(string TypeName, string? Description, string JsonPath, EquatableArray<EnumMemberSpec> Members)
{
    /// <summary>Where the enum's values are listed, for diagnostics about the enum as a whole.</summary>
    public SourceSpan? Location { get; init; }
}

internal sealed record EnumMemberSpec(string ClrName, string WireValue);
