using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace FluxGen.Analysis.Flow;

/// <summary>
/// One method's control-flow graph and what the analysis asks of it: which assignments of a local reach a read of
/// it. Built at most once per method, and only for a method whose generated-member writes need it.
/// </summary>
/// <remarks>Callbacks of one method may run on several threads; every query takes the instance's lock.</remarks>
internal sealed partial class MethodFlow
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

    private static int Count(BasicBlock block) => block.Operations.Length + (block.BranchValue is null ? 0 : 1);

    private static IOperation At(BasicBlock block, int index) => index < block.Operations.Length ? block.Operations[index] : block.BranchValue!;

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

}
