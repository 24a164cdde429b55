using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace FluxGen.Analysis.Flow;

/// <summary>
/// How a method writes one local, read off the method's operation tree: trackable only if every write is a plain
/// assignment outside lambdas and local functions and nothing takes a reference to it (<c>ref</c>, <c>out</c>,
/// <c>&amp;</c>), increments it, deconstructs into it or declares it in a pattern. Also what its writes read, so a
/// condition on another local computed from this one is known to depend on it.
/// </summary>
internal sealed class LocalWrites
{
    private IVariableDeclaratorOperation? _declarator;

    public LocalWrites(ILocalSymbol local) => IsTrackable = local.RefKind == RefKind.None && HasValueSemantics(local.Type);

    public bool IsTrackable { get; private set; }

    /// <summary>How many writes the method's tree has: declarations with an initializer and plain assignments.</summary>
    public int Count { get; private set; }

    /// <summary>The symbols the local's written values read.</summary>
    public HashSet<ISymbol> Reads { get; } = new(SymbolEqualityComparer.Default);

    /// <summary>The declaration whose initializer is the local's only write, if it has no other: then that
    /// initializer is its value wherever it is read, with no graph needed.</summary>
    public IVariableDeclaratorOperation? OnlyWrite => Count == 1 ? _declarator : null;

    /// <summary>Whether the control-flow graph shows as many writes (set once the graph is built).</summary>
    public bool? GraphAgrees { get; set; }

    public void AddDeclaration(IVariableDeclaratorOperation declarator, IOperation value)
    {
        _declarator = declarator;
        Symbols.Collect(value, Reads);
        Count++;
    }

    /// <summary>Classifies one reference to the local.</summary>
    public void AddReference(ILocalReferenceOperation reference)
    {
        if (IsTrackable && !IsPlainUse(reference))
        {
            IsTrackable = false;
        }
    }

    public void Untrack() => IsTrackable = false;

    private bool IsPlainUse(ILocalReferenceOperation reference)
    {
        IOperation child = reference;
        var parent = reference.Parent;
        while (parent is IDeclarationExpressionOperation or IParenthesizedOperation)
        {
            child = parent;
            parent = parent.Parent;
        }

        switch (parent)
        {
            case null:
                return true;
            case ISimpleAssignmentOperation assignment when assignment.Target == child:
                if (assignment.IsRef || ValueFlow.IsInsideFunction(assignment))
                {
                    return false;
                }

                Symbols.Collect(assignment.Value, Reads);
                Count++;
                return true;
            case IArgumentOperation argument:
                return argument.Parameter is null || argument.Parameter.RefKind == RefKind.None;
            case ICompoundAssignmentOperation or IIncrementOrDecrementOperation or ICoalesceAssignmentOperation
                or IDeconstructionAssignmentOperation or IAddressOfOperation or ITupleOperation:
                return false;
            case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator }:
                return declarator.Symbol.RefKind == RefKind.None;
            case IReturnOperation:
                // A ref-returning local function could hand out a reference to it.
                return !ValueFlow.IsInsideFunction(parent);
            default:
                return parent.Kind != OperationKind.None;
        }
    }

    // A struct other than a primitive could be changed through a method call on the local itself.
    private static bool HasValueSemantics(ITypeSymbol type)
    {
        if (type.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T && type is INamedTypeSymbol { TypeArguments.Length: 1 } nullable)
        {
            type = nullable.TypeArguments[0];
        }

        return !type.IsValueType || type.TypeKind == TypeKind.Enum || type.SpecialType is >= SpecialType.System_Boolean and <= SpecialType.System_String;
    }
}

/// <summary>The symbols an expression reads: locals, parameters, fields, properties and called methods, which is
/// what two conditions must share to be related.</summary>
internal static class Symbols
{
    public static void Collect(IOperation operation, HashSet<ISymbol> into)
    {
        foreach (var node in operation.DescendantsAndSelf())
        {
            ISymbol? symbol = node switch
            {
                ILocalReferenceOperation local => local.Local,
                IParameterReferenceOperation parameter => parameter.Parameter,
                IFieldReferenceOperation field => field.Field,
                IPropertyReferenceOperation property => property.Property,
                IInvocationOperation invocation => invocation.TargetMethod,
                _ => null,
            };
            if (symbol is not null)
            {
                into.Add(symbol);
            }
        }
    }
}
