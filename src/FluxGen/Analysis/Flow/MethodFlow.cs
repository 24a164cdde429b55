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
    // Graphs built per file, so tests count the work instead of timing it; weak, so files are not kept alive.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<SyntaxTree, System.Runtime.CompilerServices.StrongBox<int>> s_built = new();

    private readonly IOperation _root;
    private bool _graphTried;
    private ControlFlowGraph? _graph;
    private Dictionary<SyntaxNode, (int Block, int Index)>? _reads;
    private Dictionary<CaptureId, List<IOperation>>? _captures;
    private bool?[]? _cyclic;

    public MethodFlow(IOperation root)
    {
        _root = root;
        Facts = new MethodFacts(root);
    }

    /// <summary>What the method's own tree says about its locals.</summary>
    public MethodFacts Facts { get; }

    /// <summary>How many graphs were built for methods in <paramref name="tree"/>.</summary>
    public static int GraphsBuilt(SyntaxTree tree) => s_built.TryGetValue(tree, out var count) ? count.Value : 0;

    private ControlFlowGraph? Graph()
    {
        if (_graphTried)
        {
            return _graph;
        }

        _graphTried = true;
        try
        {
            _graph = _root switch
            {
                IMethodBodyOperation body => ControlFlowGraph.Create(body),
                IConstructorBodyOperation constructor => ControlFlowGraph.Create(constructor),
                IBlockOperation block => ControlFlowGraph.Create(block),
                IFieldInitializerOperation field => ControlFlowGraph.Create(field),
                IPropertyInitializerOperation property => ControlFlowGraph.Create(property),
                _ => null,
            };
        }
        catch (System.Exception exception) when (exception is System.ArgumentException or System.InvalidOperationException)
        {
            // A root the graph builder does not take, or code it cannot lower: the values there stay unknown.
            _graph = null;
        }

        if (_graph is not null)
        {
            System.Threading.Interlocked.Increment(ref s_built.GetValue(_root.Syntax.SyntaxTree, _ => new()).Value);
            Index(_graph);
        }

        return _graph;
    }

    // One pass over the graph: where each local read sits (by its syntax: the graph's operations are rewritten
    // copies of the method's, but keep its syntax; a syntax found twice is marked unusable), what each flow capture
    // holds, and how many writes of each local the graph shows, to compare with the method's tree.
    private void Index(ControlFlowGraph graph)
    {
        var reads = new Dictionary<SyntaxNode, (int Block, int Index)>();
        var captures = new Dictionary<CaptureId, List<IOperation>>();
        var assignments = new List<ISimpleAssignmentOperation>();
        foreach (var block in graph.Blocks)
        {
            for (var i = 0; i < Count(block); i++)
            {
                foreach (var node in At(block, i).DescendantsAndSelf())
                {
                    switch (node)
                    {
                        case ILocalReferenceOperation reference:
                            reads[reference.Syntax] = reads.TryGetValue(reference.Syntax, out var seen) && seen != (block.Ordinal, i) ? (-1, -1) : (block.Ordinal, i);
                            break;
                        case IFlowCaptureOperation capture:
                            if (!captures.TryGetValue(capture.Id, out var list))
                            {
                                captures.Add(capture.Id, list = new List<IOperation>());
                            }

                            list.Add(capture.Value);
                            break;
                        case ISimpleAssignmentOperation assignment:
                            assignments.Add(assignment);
                            break;
                    }
                }
            }
        }

        _reads = reads;
        _captures = captures;
        var counts = new Dictionary<ILocalSymbol, int>(SymbolEqualityComparer.Default);
        foreach (var assignment in assignments)
        {
            if (WrittenLocal(assignment.Target) is { } local)
            {
                counts[local] = counts.TryGetValue(local, out var count) ? count + 1 : 1;
            }
        }

        _graphWrites = counts;
    }

    private Dictionary<ILocalSymbol, int>? _graphWrites;

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

    private bool IsLocal(IOperation target, ILocalSymbol local) => SymbolEqualityComparer.Default.Equals(WrittenLocal(target), local);

    private ILocalSymbol? WrittenLocal(IOperation target)
    {
        if (target is ILocalReferenceOperation reference)
        {
            return reference.Local;
        }

        if (target is IFlowCaptureReferenceOperation capture && _captures!.TryGetValue(capture.Id, out var values))
        {
            foreach (var value in values)
            {
                if (value is ILocalReferenceOperation captured)
                {
                    return captured.Local;
                }
            }
        }

        return null;
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
