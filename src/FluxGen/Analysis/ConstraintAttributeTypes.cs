using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace FluxGen.Analysis;

/// <summary>The constraint attribute types one compilation can see, resolved once when analysis of it starts.</summary>
/// <remarks>A project graph normally has one copy of the attributes (FluxGen leaves the runtime out where a reference
/// has it), but a project can still see two: its own internal copy beside a reference's, or output of another FluxGen
/// version. All copies are kept so members declared in either are recognised.</remarks>
internal sealed class ConstraintAttributeTypes
{
    private const string Namespace = "Apiframe.Constraints.";

    private ConstraintAttributeTypes(ImmutableArray<IAssemblySymbol> holders)
    {
        Property = RuntimeAssemblies.FindTypes(holders, Namespace + "SchemaPropertyAttribute");
        Range = RuntimeAssemblies.FindTypes(holders, Namespace + "SchemaRangeAttribute");
        MultipleOf = RuntimeAssemblies.FindTypes(holders, Namespace + "SchemaMultipleOfAttribute");
        AllowedValues = RuntimeAssemblies.FindTypes(holders, Namespace + "SchemaAllowedValuesAttribute");
        Length = RuntimeAssemblies.FindTypes(holders, Namespace + "SchemaLengthAttribute");
        Format = RuntimeAssemblies.FindTypes(holders, Namespace + "SchemaFormatAttribute");
        Items = RuntimeAssemblies.FindTypes(holders, Namespace + "SchemaItemsAttribute");
        Pattern = RuntimeAssemblies.FindTypes(holders, Namespace + "SchemaPatternAttribute");
    }

    public ImmutableArray<INamedTypeSymbol> Pattern { get; }

    public ImmutableArray<INamedTypeSymbol> Property { get; }

    public ImmutableArray<INamedTypeSymbol> Range { get; }

    public ImmutableArray<INamedTypeSymbol> MultipleOf { get; }

    public ImmutableArray<INamedTypeSymbol> AllowedValues { get; }

    public ImmutableArray<INamedTypeSymbol> Length { get; }

    public ImmutableArray<INamedTypeSymbol> Format { get; }

    public ImmutableArray<INamedTypeSymbol> Items { get; }

    /// <summary>The types, or <see langword="null"/> when the compilation cannot see any constraint attribute, in
    /// which case nothing in it can be constrained and no action needs registering.</summary>
    public static ConstraintAttributeTypes? TryCreate(Compilation compilation)
    {
        var types = new ConstraintAttributeTypes(RuntimeAssemblies.Of(compilation));
        return types.Range.IsEmpty && types.MultipleOf.IsEmpty && types.AllowedValues.IsEmpty && types.Length.IsEmpty
            && types.Format.IsEmpty && types.Items.IsEmpty && types.Pattern.IsEmpty
            ? null
            : types;
    }

    public static bool Is(INamedTypeSymbol? attributeClass, ImmutableArray<INamedTypeSymbol> candidates)
    {
        if (attributeClass is null)
        {
            return false;
        }

        foreach (var candidate in candidates)
        {
            if (SymbolEqualityComparer.Default.Equals(attributeClass, candidate))
            {
                return true;
            }
        }

        return false;
    }
}
