using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace FluxGen.Analysis.Flow;

/// <summary>The backward walk from a read of a local to the assignments that reach it.</summary>
internal sealed partial class MethodFlow
{
    /// <summary>The assignments of <paramref name="local"/> that reach the read at <paramref name="use"/>, or null
    /// when they cannot all be known: the read is not found, an assignment sits in a loop, a path comes from outside
    /// normal flow (a catch, a finally), or the local is written any other way than a plain assignment.
    /// <paramref name="decisions"/> receives what every branch condition before the read reads.</summary>
    public List<ISimpleAssignmentOperation>? Definitions(ILocalSymbol local, SyntaxNode use, Decisions decisions)
    {
        lock (this)
        {
            var writes = Facts.Writes(local);
            if (!writes.IsTrackable || Graph() is not { } graph || !_reads!.TryGetValue(use, out var position) || position.Block < 0)
            {
                return null;
            }

            // Every write the method's own tree has must be one the graph walk recognizes, or a path could skip one.
            writes.GraphAgrees ??= (_graphWrites!.TryGetValue(local, out var seen) ? seen : 0) == writes.Count;
            if (writes.GraphAgrees == false)
            {
                return null;
            }

            decisions.AddFollowed(local);
            var blocks = graph.Blocks;
            var definitions = new List<ISimpleAssignmentOperation>();
            var visited = new bool[blocks.Length];
            var pending = new Stack<(BasicBlock Block, int End)>();

            // The operation that reads the local must not write it as well: which comes first is not modeled.
            if (position.Index < Count(blocks[position.Block]) && WritesIn(At(blocks[position.Block], position.Index), local, out _) != 0)
            {
                return null;
            }

            pending.Push((blocks[position.Block], position.Index));
            while (pending.Count > 0)
            {
                var (block, end) = pending.Pop();
                if (FindLast(block, end, local, out var definition, out var ambiguous))
                {
                    if (ambiguous || IsCyclic(block))
                    {
                        return null;
                    }

                    definitions.Add(definition!);
                    continue;
                }

                if (block.Kind == BasicBlockKind.Entry || block.Predecessors.IsEmpty)
                {
                    return null;
                }

                foreach (var branch in block.Predecessors)
                {
                    if (!branch.FinallyRegions.IsEmpty)
                    {
                        return null;
                    }

                    var source = branch.Source;
                    if (visited[source.Ordinal])
                    {
                        continue;
                    }

                    visited[source.Ordinal] = true;
                    pending.Push((source, Count(source)));
                }
            }

            AddConditionsBefore(blocks[position.Block], decisions);
            return definitions;
        }
    }

    // Every branch that can run before the read, not only those between the assignments and it: the branch that
    // chose one assignment over another comes before both, and a later test of the same thing can rule it out.
    private void AddConditionsBefore(BasicBlock use, Decisions decisions)
    {
        var seen = new bool[_graph!.Blocks.Length];
        var pending = new Stack<BasicBlock>();
        pending.Push(use);
        while (pending.Count > 0)
        {
            foreach (var branch in pending.Pop().Predecessors)
            {
                var source = branch.Source;
                if (seen[source.Ordinal])
                {
                    continue;
                }

                seen[source.Ordinal] = true;
                if (source.ConditionalSuccessor is not null && source.BranchValue is { } condition)
                {
                    decisions.Add(ConditionSymbols(condition), condition.Syntax);
                }

                pending.Push(source);
            }
        }
    }

    private bool FindLast(BasicBlock block, int end, ILocalSymbol local, out ISimpleAssignmentOperation? definition, out bool ambiguous)
    {
        for (var i = end - 1; i >= 0; i--)
        {
            var count = WritesIn(At(block, i), local, out definition);
            if (count > 0)
            {
                ambiguous = count > 1;
                return true;
            }
        }

        definition = null;
        ambiguous = false;
        return false;
    }

    // An assignment whose left side had to be evaluated first (the right side branches) writes through a capture
    // of the local, not the local itself.
    private int WritesIn(IOperation operation, ILocalSymbol local, out ISimpleAssignmentOperation? last)
    {
        last = null;
        var count = 0;
        foreach (var node in operation.DescendantsAndSelf())
        {
            if (node is ISimpleAssignmentOperation assignment && IsLocal(assignment.Target, local))
            {
                last = assignment;
                count++;
            }
        }

        return count;
    }

    // A condition that tests a value the compiler captured first (a switch, `??`, `?.`) reads what was captured.
    private HashSet<ISymbol> ConditionSymbols(IOperation condition)
    {
        var symbols = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        Symbols.Collect(condition, symbols);
        foreach (var node in condition.DescendantsAndSelf())
        {
            if (node is IFlowCaptureReferenceOperation reference && _captures!.TryGetValue(reference.Id, out var values))
            {
                foreach (var value in values)
                {
                    Symbols.Collect(value, symbols);
                }
            }
        }

        return Facts.Related(symbols);
    }

    // Whether a block can reach itself: an assignment there may run again with other values than the first.
    private bool IsCyclic(BasicBlock start)
    {
        _cyclic ??= new bool?[_graph!.Blocks.Length];
        if (_cyclic[start.Ordinal] is { } known)
        {
            return known;
        }

        var seen = new bool[_graph!.Blocks.Length];
        var pending = new Stack<BasicBlock>();
        pending.Push(start);
        var cyclic = false;
        while (pending.Count > 0 && !cyclic)
        {
            var block = pending.Pop();
            foreach (var next in new[] { block.FallThroughSuccessor?.Destination, block.ConditionalSuccessor?.Destination })
            {
                if (next is null)
                {
                    continue;
                }

                if (next == start)
                {
                    cyclic = true;
                    break;
                }

                if (!seen[next.Ordinal])
                {
                    seen[next.Ordinal] = true;
                    pending.Push(next);
                }
            }
        }

        _cyclic[start.Ordinal] = cyclic;
        return cyclic;
    }
}
