using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace FluxGen.Analysis.Flow;

/// <summary>
/// The conditions that choose among a value's possibilities, by what they read. The analysis follows every path
/// and does not relate conditions to each other, so it trusts its set only when they are unrelated: no two read
/// the same thing, and none reads a local whose value it follows (<c>if (q &gt; 100) q = 100;</c> makes the first
/// value of <c>q</c> unreachable past it).
/// </summary>
internal sealed class Decisions
{
    // By the condition's syntax: one condition is met both in the graph (as a branch) and in the expression that
    // holds it (a conditional, a `??`), and counts once.
    // Made on first use: most values reach a member through no condition and follow no local.
    private Dictionary<SyntaxNode, (HashSet<ISymbol> Symbols, bool TestsFollowed)>? _conditions;
    private HashSet<ISymbol>? _followed;

    public bool HasConditions => _conditions is { Count: > 0 };

    /// <summary>A condition on the way to the value.</summary>
    public void Add(HashSet<ISymbol> condition, SyntaxNode at) => Add(at, (condition, false));

    /// <summary>A null test of the value itself (<c>??</c>): the analysis already splits the value by it, so it may
    /// read the locals being followed; it still must not share them with another condition.</summary>
    public void AddNullTest(HashSet<ISymbol> condition, SyntaxNode at) => Add(at, (condition, true));

    /// <summary>Takes in what following one part of the value found.</summary>
    public void Merge(Decisions other)
    {
        if (other._conditions is not null)
        {
            foreach (var entry in other._conditions)
            {
                Add(entry.Key, entry.Value);
            }
        }

        if (other._followed is not null)
        {
            (_followed ??= new(SymbolEqualityComparer.Default)).UnionWith(other._followed);
        }
    }

    private void Add(SyntaxNode at, (HashSet<ISymbol> Symbols, bool TestsFollowed) condition)
    {
        _conditions ??= new();
        if (_conditions.TryGetValue(at, out var known))
        {
            condition = (known.Symbols, known.TestsFollowed || condition.TestsFollowed);
        }

        _conditions[at] = condition;
    }

    /// <summary>A local whose assignments were followed.</summary>
    public void AddFollowed(ILocalSymbol local) => (_followed ??= new(SymbolEqualityComparer.Default)).Add(local);

    public bool AreIndependent
    {
        get
        {
            if (_conditions is null)
            {
                return true;
            }

            var seen = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
            foreach (var (condition, testsFollowed) in _conditions.Values)
            {
                if ((!testsFollowed && _followed is not null && condition.Overlaps(_followed)) || condition.Overlaps(seen))
                {
                    return false;
                }

                seen.UnionWith(condition);
            }

            return true;
        }
    }
}
