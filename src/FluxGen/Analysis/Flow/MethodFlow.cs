using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace FluxGen.Analysis.Flow;

/// <summary>
/// One method's control-flow graph and what the analysis asks of it: which assignments of a local reach a read of
/// it. Built at most once per method, and only for a method whose generated-member writes need it.
/// </summary>
/// <remarks>Callbacks of one method may run on several threads; every query takes the instance's lock.</remarks>
internal sealed class MethodFlow
{
    private readonly ControlFlowGraph _graph;
    private readonly IOperation _root;
    private readonly Dictionary<ILocalSymbol, LocalWrites> _locals = new(SymbolEqualityComparer.Default);
    private Dictionary<SyntaxNode, (int Block, int Index)>? _reads;
    private Dictionary<CaptureId, List<IOperation>>? _captures;
    private bool?[]? _cyclic;

    private MethodFlow(ControlFlowGraph graph, IOperation root)
    {
        _graph = graph;
        _root = root;
    }

    // Graphs built per file, so tests count the work instead of timing it; weak, so files are not kept alive.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<SyntaxTree, System.Runtime.CompilerServices.StrongBox<int>> s_built = new();

    /// <summary>How many graphs were built for methods in <paramref name="tree"/>.</summary>
    public static int GraphsBuilt(SyntaxTree tree) => s_built.TryGetValue(tree, out var count) ? count.Value : 0;

    public static MethodFlow? Create(IOperation root)
    {
        ControlFlowGraph graph;
        try
        {
            graph = root switch
            {
                IMethodBodyOperation body => ControlFlowGraph.Create(body),
                IConstructorBodyOperation constructor => ControlFlowGraph.Create(constructor),
                IBlockOperation block => ControlFlowGraph.Create(block),
                IFieldInitializerOperation field => ControlFlowGraph.Create(field),
                IPropertyInitializerOperation property => ControlFlowGraph.Create(property),
                _ => null!,
            };
        }
        catch (System.ArgumentException)
        {
            return null;
        }

        if (graph is null)
        {
            return null;
        }

        System.Threading.Interlocked.Increment(ref s_built.GetValue(root.Syntax.SyntaxTree, _ => new()).Value);
        return new MethodFlow(graph, root);
    }

    /// <summary>The assignments of <paramref name="local"/> that reach the read at <paramref name="use"/>, or null
    /// when they cannot all be known: the read is not found, an assignment sits in a loop, a path comes from outside
    /// normal flow (a catch, a finally), or the local is written any other way than a plain assignment.
    /// <paramref name="decisions"/> receives what every branch condition on the way reads.</summary>
    public List<ISimpleAssignmentOperation>? Definitions(ILocalSymbol local, SyntaxNode use, Decisions decisions)
    {
        lock (this)
        {
            var writes = Writes(local);
            if (!writes.IsTrackable || !writes.CheckedAgainstGraph(() => GraphSeesEveryWrite(local, writes)) || !Reads().TryGetValue(use, out var position) || position.Block < 0)
            {
                return null;
            }

            decisions.AddFollowed(local);
            var blocks = _graph.Blocks;
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
                    if (source.ConditionalSuccessor is not null && source.BranchValue is { } condition)
                    {
                        decisions.Add(ConditionSymbols(condition));
                    }

                    pending.Push((source, Count(source)));
                }
            }

            return definitions;
        }
    }

    /// <summary>How the method writes a local (cached per local).</summary>
    public LocalWrites Writes(ILocalSymbol local)
    {
        lock (this)
        {
            if (!_locals.TryGetValue(local, out var writes))
            {
                writes = LocalWrites.Of(local, _root);
                _locals.Add(local, writes);
            }

            return writes;
        }
    }

    private static int Count(BasicBlock block) => block.Operations.Length + (block.BranchValue is null ? 0 : 1);

    private static IOperation At(BasicBlock block, int index) => index < block.Operations.Length ? block.Operations[index] : block.BranchValue!;

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

    private bool IsLocal(IOperation target, ILocalSymbol local)
    {
        if (target is ILocalReferenceOperation reference)
        {
            return SymbolEqualityComparer.Default.Equals(reference.Local, local);
        }

        if (target is IFlowCaptureReferenceOperation capture && Captures().TryGetValue(capture.Id, out var values))
        {
            foreach (var value in values)
            {
                if (value is ILocalReferenceOperation captured && SymbolEqualityComparer.Default.Equals(captured.Local, local))
                {
                    return true;
                }
            }
        }

        return false;
    }

    // Every write the method's own tree has must be one the graph walk recognizes, or a path could skip one.
    private bool GraphSeesEveryWrite(ILocalSymbol local, LocalWrites writes)
    {
        var seen = 0;
        foreach (var block in _graph.Blocks)
        {
            for (var i = 0; i < Count(block); i++)
            {
                seen += WritesIn(At(block, i), local, out _);
            }
        }

        return seen == writes.Count;
    }

    // Where each local read sits in the graph, by its syntax (the graph's operations are rewritten copies of the
    // method's, but keep its syntax). A syntax found twice (a lowered construct) is marked unusable.
    private Dictionary<SyntaxNode, (int Block, int Index)> Reads()
    {
        if (_reads is not null)
        {
            return _reads;
        }

        var reads = new Dictionary<SyntaxNode, (int Block, int Index)>();
        foreach (var block in _graph.Blocks)
        {
            for (var i = 0; i < Count(block); i++)
            {
                foreach (var node in At(block, i).DescendantsAndSelf())
                {
                    if (node is ILocalReferenceOperation reference)
                    {
                        reads[reference.Syntax] = reads.TryGetValue(reference.Syntax, out var seen) && seen != (block.Ordinal, i) ? (-1, -1) : (block.Ordinal, i);
                    }
                }
            }
        }

        return _reads = reads;
    }

    // A condition that tests a value the compiler captured first (a switch, `??`, `?.`) reads what was captured.
    private HashSet<ISymbol> ConditionSymbols(IOperation condition)
    {
        var symbols = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        Symbols.Collect(condition, symbols);
        foreach (var node in condition.DescendantsAndSelf())
        {
            if (node is IFlowCaptureReferenceOperation reference && Captures().TryGetValue(reference.Id, out var values))
            {
                foreach (var value in values)
                {
                    Symbols.Collect(value, symbols);
                }
            }
        }

        return Related(symbols);
    }

    /// <summary>The symbols plus, for each local among them, what its assignments read, transitively: a condition
    /// on a local computed from another depends on that other.</summary>
    public HashSet<ISymbol> Related(HashSet<ISymbol> symbols)
    {
        lock (this)
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
            while (pending.Count > 0 && related.Count < 64)
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
    }

    private Dictionary<CaptureId, List<IOperation>> Captures()
    {
        if (_captures is not null)
        {
            return _captures;
        }

        var captures = new Dictionary<CaptureId, List<IOperation>>();
        foreach (var block in _graph.Blocks)
        {
            for (var i = 0; i < Count(block); i++)
            {
                foreach (var node in At(block, i).DescendantsAndSelf())
                {
                    if (node is IFlowCaptureOperation capture)
                    {
                        if (!captures.TryGetValue(capture.Id, out var list))
                        {
                            captures.Add(capture.Id, list = new List<IOperation>());
                        }

                        list.Add(capture.Value);
                    }
                }
            }
        }

        return _captures = captures;
    }

    // Whether a block can reach itself: an assignment there may run again with other values than the first.
    private bool IsCyclic(BasicBlock start)
    {
        _cyclic ??= new bool?[_graph.Blocks.Length];
        if (_cyclic[start.Ordinal] is { } known)
        {
            return known;
        }

        var seen = new bool[_graph.Blocks.Length];
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
