using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace FluxGen.Analysis.Flow;

/// <summary>
/// How a method writes one local, read off the method's operation tree: trackable only if every write is a plain
/// assignment outside lambdas and local functions and nothing takes a reference to it (<c>ref</c>, <c>out</c>,
/// <c>&amp;</c>), increments it, deconstructs into it or declares it in a pattern. Also which locals each write reads,
/// so a condition on another local computed from this one is known to depend on it.
/// </summary>
internal sealed class LocalWrites
{
    private LocalWrites(bool trackable, HashSet<ISymbol> reads)
    {
        IsTrackable = trackable;
        Reads = reads;
    }

    public bool IsTrackable { get; }

    /// <summary>How many writes the method's tree has: declarations with an initializer and plain assignments.</summary>
    public int Count { get; private set; }

    private bool? _graphAgrees;

    /// <summary>Whether the control-flow graph shows the same writes, worked out once.</summary>
    public bool CheckedAgainstGraph(System.Func<bool> check) => _graphAgrees ??= check();

    /// <summary>The symbols the local's written values read.</summary>
    public HashSet<ISymbol> Reads { get; }

    public static LocalWrites Of(ILocalSymbol local, IOperation root)
    {
        var reads = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        var count = 0;
        if (local.RefKind != RefKind.None || !HasValueSemantics(local.Type))
        {
            return new LocalWrites(false, reads);
        }

        foreach (var operation in root.DescendantsAndSelf())
        {
            switch (operation)
            {
                case ILocalReferenceOperation reference when SymbolEqualityComparer.Default.Equals(reference.Local, local):
                    if (!IsPlainUse(reference, reads, ref count))
                    {
                        return new LocalWrites(false, reads);
                    }

                    break;
                case IVariableDeclaratorOperation { Initializer: { } initializer } declarator when SymbolEqualityComparer.Default.Equals(declarator.Symbol, local):
                    Symbols.Collect(initializer.Value, reads);
                    count++;
                    break;
                case IDeclarationPatternOperation { DeclaredSymbol: { } declared } when SymbolEqualityComparer.Default.Equals(declared, local):
                case IRecursivePatternOperation { DeclaredSymbol: { } recursive } when SymbolEqualityComparer.Default.Equals(recursive, local):
                    return new LocalWrites(false, reads);
            }
        }

        return new LocalWrites(true, reads) { Count = count };
    }

    private static bool IsPlainUse(ILocalReferenceOperation reference, HashSet<ISymbol> reads, ref int writes)
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

                Symbols.Collect(assignment.Value, reads);
                writes++;
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
