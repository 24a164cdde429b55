using System.Collections.Immutable;
using System.Text;
using Microsoft.CodeAnalysis;

namespace FluxGen.Analysis;

/// <summary>What a member's type makes its values: decides which constraints can apply to a constant.</summary>
internal enum ValueKind
{
    Other,
    Integer,
    Real,
    Single,
    Decimal,
    String,
    Enum,
    Collection,
}

/// <summary>The constraints one property, field or parameter carries, read once from its attributes.</summary>
internal sealed class MemberConstraints
{
    public MemberConstraints(string path, ValueKind kind, SpecialType numericType)
    {
        Path = path;
        Kind = kind;
        NumericType = numericType;
    }

    /// <summary>The JSON path from <c>[SchemaProperty]</c>, or the member's name.</summary>
    public string Path { get; }

    public ValueKind Kind { get; }

    /// <summary>The special type of a numeric member, nullable unwrapped.</summary>
    public SpecialType NumericType { get; }

    public Bound? Minimum { get; set; }

    public Bound? Maximum { get; set; }

    public Bound? ExclusiveMinimum { get; set; }

    public Bound? ExclusiveMaximum { get; set; }

    /// <summary>The <c>multipleOf</c> step; only ever a positive number.</summary>
    public Bound? Step { get; set; }

    /// <summary>The allowed wire strings, or default when the member has no such list.</summary>
    public ImmutableArray<string> AllowedValues { get; set; }

    /// <summary>For an enum member with allowed values: the constant of every defined member.</summary>
    public ImmutableArray<long> DefinedEnumValues { get; set; }

    /// <summary>For an enum member with allowed values: its type and member names, for messages.</summary>
    public INamedTypeSymbol? EnumType { get; set; }

    /// <summary>For a collection of enum values: the item enum type, whatever other attributes the member has.</summary>
    public INamedTypeSymbol? ItemEnumType { get; set; }

    /// <summary>For a collection of enum values: the constant of every defined member of the item type.</summary>
    public ImmutableArray<long> ItemDefinedEnumValues { get; set; }

    public int MinLength { get; set; } = -1;

    public int MaxLength { get; set; } = -1;

    public bool IsUri { get; set; }

    /// <summary><c>format: uuid</c>.</summary>
    public bool IsUuid { get; set; }

    /// <summary>The schema's <c>pattern</c>, or null.</summary>
    public string? Pattern { get; set; }

    /// <summary>The allowed numbers of a numeric enum, or default when the member has no such list.</summary>
    public ImmutableArray<Bound> AllowedNumbers { get; set; }

    public int MinItems { get; set; } = -1;

    public int MaxItems { get; set; } = -1;

    public bool HasRange => Minimum is not null || Maximum is not null || ExclusiveMinimum is not null || ExclusiveMaximum is not null;

    public bool HasNumericRules => HasRange || Step is not null || !AllowedNumbers.IsDefault;

    public bool HasStringRules => !AllowedValues.IsDefault || MinLength >= 0 || MaxLength >= 0 || IsUri || IsUuid || Pattern is not null;

    public bool HasItemRules => MinItems >= 0 || MaxItems >= 0;

    public bool IsIntegral => Kind == ValueKind.Integer;

    /// <summary>"at least 0 and at most 100", "greater than 0", ...: what the range allows, in the reader's language.</summary>
    public BoundsText DescribeRange() =>
        BoundsText.Range(Minimum?.Text, ExclusiveMinimum?.Text, Maximum?.Text, ExclusiveMaximum?.Text);

    /// <summary>"at least 1 and at most 4" for two -1-means-none integer bounds, in the reader's language.</summary>
    public static BoundsText DescribeCount(int min, int max) => BoundsText.Count(min, max);
}
