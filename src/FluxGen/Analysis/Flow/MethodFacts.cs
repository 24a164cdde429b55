using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace FluxGen.Analysis.Flow;

/// <summary>
/// What one walk over a method's operation tree tells about its locals: how each is written, and what any condition
/// in the method reads. A local written once, by its declaration, and tested by no condition has that initializer as
/// its value everywhere; only other locals need the control-flow graph.
/// </summary>
internal sealed class MethodFacts
{
    private readonly Dictionary<ILocalSymbol, LocalWrites> _locals = new(SymbolEqualityComparer.Default);
    private readonly HashSet<ISymbol> _conditions = new(SymbolEqualityComparer.Default);
    private HashSet<ISymbol>? _conditioned;

    public MethodFacts(IOperation root)
    {
        foreach (var operation in root.DescendantsAndSelf())
        {
            switch (operation)
            {
                case ILocalReferenceOperation reference:
                    Writes(reference.Local).AddReference(reference);
                    break;
                case IVariableDeclaratorOperation { Initializer: { } initializer } declarator:
                    Writes(declarator.Symbol).AddDeclaration(declarator, initializer.Value);
                    break;
                case IDeclarationPatternOperation { DeclaredSymbol: ILocalSymbol declared }:
                    Writes(declared).Untrack();
                    break;
                case IRecursivePatternOperation { DeclaredSymbol: ILocalSymbol recursive }:
                    Writes(recursive).Untrack();
                    break;
                default:
                    if (Tested(operation) is { } tested)
                    {
                        Symbols.Collect(tested, _conditions);
                    }

                    break;
            }
        }
    }

    /// <summary>How the method writes a local.</summary>
    public LocalWrites Writes(ILocalSymbol local)
    {
        // Callbacks of one method may run on several threads once the walk is done.
        lock (_locals)
        {
            if (!_locals.TryGetValue(local, out var writes))
            {
                _locals.Add(local, writes = new LocalWrites(local));
            }

            return writes;
        }
    }

    /// <summary>Whether some condition in the method reads the local, or a local computed from it.</summary>
    public bool IsConditioned(ILocalSymbol local) => (_conditioned ??= Related(_conditions)).Contains(local);

    /// <summary>The symbols plus, for each local among them, what its assignments read, transitively: a condition
    /// on a local computed from another depends on that other.</summary>
    public HashSet<ISymbol> Related(HashSet<ISymbol> symbols)
    {
        var pending = new Stack<ILocalSymbol>();
        foreach (var symbol in symbols)
        {
            if (symbol is ILocalSymbol local)
            {
                pending.Push(local);
            }
        }

        var related = new HashSet<ISymbol>(symbols, SymbolEqualityComparer.Default);
        while (pending.Count > 0 && related.Count < 256)
        {
            foreach (var read in Writes(pending.Pop()).Reads)
            {
                if (related.Add(read) && read is ILocalSymbol next)
                {
                    pending.Push(next);
                }
            }
        }

        return related;
    }

    // What an operation branches on.
    private static IOperation? Tested(IOperation operation) => operation switch
    {
        IConditionalOperation conditional => conditional.Condition,
        IWhileLoopOperation loop => loop.Condition,
        IForLoopOperation loop => loop.Condition,
        ISwitchOperation switchStatement => switchStatement.Value,
        ISwitchExpressionOperation switchExpression => switchExpression.Value,
        IIsPatternOperation pattern => pattern.Value,
        IIsTypeOperation type => type.ValueOperand,
        ICoalesceOperation coalesce => coalesce.Value,
        IConditionalAccessOperation access => access.Operation,
        ICatchClauseOperation { Filter: { } filter } => filter,
        IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd or BinaryOperatorKind.ConditionalOr } logical => logical,
        _ => null,
    };
}
