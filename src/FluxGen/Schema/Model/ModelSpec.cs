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
    EquatableArray<EnumSpec> SharedEnums);

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
