using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace FluxGen.Analysis;

/// <summary>The number of items a collection value has, where the code states it.</summary>
internal static class CollectionSize
{
    public static bool TryCount(IOperation value, out int count)
    {
        count = 0;

        // Roslyn 4.8 has no operation for collection expressions, so they are counted from syntax; a spread
        // element makes the size depend on another collection.
        if (value.Syntax is CollectionExpressionSyntax collection)
        {
            foreach (var element in collection.Elements)
            {
                if (element is not ExpressionElementSyntax)
                {
                    return false;
                }
            }

            count = collection.Elements.Count;
            return true;
        }

        while (value is IConversionOperation conversion)
        {
            value = conversion.Operand;
        }

        switch (value)
        {
            case IArrayCreationOperation array when array.DimensionSizes.Length == 1:
                if (array.Initializer is { } initializer)
                {
                    count = initializer.ElementValues.Length;
                    return true;
                }

                if (array.DimensionSizes[0].ConstantValue is { HasValue: true, Value: int size })
                {
                    count = size;
                    return true;
                }

                return false;
            case IObjectCreationOperation creation when creation.Arguments.IsEmpty:
                if (creation.Initializer is null)
                {
                    // `new List<T>()` starts empty; anything else might not, so only collection types count.
                    return IsCollectionType(creation.Type);
                }

                foreach (var element in creation.Initializer.Initializers)
                {
                    if (element is not IInvocationOperation)
                    {
                        return false;
                    }
                }

                count = creation.Initializer.Initializers.Length;
                return true;
            case IInvocationOperation { TargetMethod: { Name: "Empty", Parameters.IsEmpty: true, ContainingType: { Name: "Array", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } } }:
                return true;
            default:
                return false;
        }
    }

    private static bool IsCollectionType(ITypeSymbol? type)
    {
        if (type is not INamedTypeSymbol { ContainingNamespace: { } ns })
        {
            return false;
        }

        return ns.ToDisplayString() == "System.Collections.Generic";
    }
}
