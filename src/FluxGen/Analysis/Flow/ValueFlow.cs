using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace FluxGen.Analysis.Flow;

/// <summary>
/// What a value that is not a compile-time constant can be where it is used: follows locals to the assignments
/// that reach the use (through the method's control-flow graph), conditionals, <c>??</c>, arithmetic and
/// concatenation, and <c>static readonly</c> fields set once from a constant. Anything else (a parameter, a call,
/// a field set elsewhere) is unknown.
/// </summary>
internal sealed partial class ValueFlow
{
    // Deep enough for a local copied from a local computed from a conditional; the walk is strictly backwards in
    // flow, so this only bounds cost, not termination.
    private const int MaxDepth = 8;

    // Keyed by the method's syntax: the operation trees that the analyzer driver and the semantic model hand out
    // for one method are different objects over the same syntax. Weak, so a compilation's graphs go with it.
    private readonly ConditionalWeakTable<SyntaxNode, MethodFlow> _methods = new();

    /// <summary>The possible values of <paramref name="value"/>; <paramref name="decisions"/> gathers the conditions
    /// that choose among them.</summary>
    public PossibleValues Evaluate(IOperation value, Decisions decisions, CancellationToken cancellationToken) =>
        Evaluate(value, decisions, 0, cancellationToken);

    /// <summary>The object creations a local of a record type can hold at <paramref name="reference"/>, each with the
    /// assignment it comes from; null unless every reaching assignment is a creation.</summary>
    public List<(IObjectCreationOperation Creation, SyntaxNode Site)>? Creations(ILocalReferenceOperation reference, Decisions decisions, CancellationToken cancellationToken)
    {
        if (Assignments(reference, decisions, shortcut: true, out _, cancellationToken) is not { } assignments)
        {
            return null;
        }

        var creations = new List<(IObjectCreationOperation, SyntaxNode)>(assignments.Count);
        foreach (var (value, site) in assignments)
        {
            var written = value;
            while (written is IConversionOperation { IsImplicit: true } conversion)
            {
                written = conversion.Operand;
            }

            if (written is not IObjectCreationOperation creation)
            {
                return null;
            }

            creations.Add((creation, site));
        }

        return creations;
    }

    /// <summary>The values (as the method's own operations) of every assignment that reaches a read of a local, each
    /// with its assignment; null when they cannot all be known.</summary>
    private List<(IOperation Value, SyntaxNode Site)>? Assignments(ILocalReferenceOperation reference, Decisions decisions, bool shortcut, out bool tookShortcut, CancellationToken cancellationToken)
    {
        tookShortcut = false;
        // A read inside a lambda or local function runs whenever it is called: no path to it is known.
        if (IsInsideFunction(reference) || reference.SemanticModel is not { } model)
        {
            return null;
        }

        var method = MethodOf(reference);
        var writes = method.Facts.Writes(reference.Local);
        if (!writes.IsTrackable)
        {
            return null;
        }

        // Written once, where declared, and tested by no condition: that initializer is the value at every read.
        if (shortcut && writes.OnlyWrite is { Initializer: { } initializer } declarator && !method.Facts.IsConditioned(reference.Local))
        {
            tookShortcut = true;
            decisions.AddFollowed(reference.Local);
            return new List<(IOperation, SyntaxNode)>(1) { (initializer.Value, declarator.Syntax) };
        }

        if (method.Definitions(reference.Local, reference.Syntax, decisions) is not { Count: > 0 } definitions)
        {
            return null;
        }

        var assignments = new List<(IOperation, SyntaxNode)>(definitions.Count);
        foreach (var definition in definitions)
        {
            // The graph's copy of a value may read flow captures; the method's own operation reads what was written.
            var value = definition.Value.ConstantValue.HasValue ? definition.Value : model.GetOperation(definition.Value.Syntax, cancellationToken);
            if (value is null)
            {
                return null;
            }

            assignments.Add((value, definition.Syntax));
        }

        return assignments;
    }

    /// <summary>The graph of the method (or initializer) around <paramref name="operation"/>, built on first use.</summary>
    public MethodFlow MethodOf(IOperation operation)
    {
        var root = operation;
        while (root.Parent is { } parent)
        {
            root = parent;
        }

        if (_methods.TryGetValue(root.Syntax, out var known))
        {
            return known;
        }

        return _methods.GetValue(root.Syntax, _ => new MethodFlow(root));
    }

    internal static bool IsInsideFunction(IOperation operation)
    {
        for (var current = operation.Parent; current is not null; current = current.Parent)
        {
            if (current.Kind is OperationKind.AnonymousFunction or OperationKind.LocalFunction)
            {
                return true;
            }
        }

        return false;
    }

    private PossibleValues Evaluate(IOperation value, Decisions decisions, int depth, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (depth > MaxDepth)
        {
            return PossibleValues.Unknown;
        }

        if (value.ConstantValue.HasValue)
        {
            return PossibleValues.Of(new PossibleValue(value.ConstantValue.Value, value.Syntax, null));
        }

        switch (value)
        {
            case IConversionOperation conversion when conversion.OperatorMethod is null
                && (conversion.Conversion.IsImplicit || conversion.Conversion.IsNullable || conversion.Conversion.IsIdentity
                    || (conversion.Type?.TypeKind == TypeKind.Enum && conversion.Operand.Type?.TypeKind != TypeKind.Enum)):
                return Evaluate(conversion.Operand, decisions, depth, cancellationToken);
            case IParenthesizedOperation parenthesized:
                return Evaluate(parenthesized.Operand, decisions, depth, cancellationToken);
            case IConditionalOperation conditional when conditional.WhenFalse is not null && !conditional.IsRef:
                return Conditional(conditional, decisions, depth, cancellationToken);
            case ICoalesceOperation coalesce:
                return Coalesce(coalesce, decisions, depth, cancellationToken);
            case IBinaryOperation binary when binary.OperatorMethod is null && !binary.IsLifted:
                return Binary(binary, decisions, depth, cancellationToken);
            case IUnaryOperation { OperatorKind: UnaryOperatorKind.Minus or UnaryOperatorKind.Plus, OperatorMethod: null, IsLifted: false } unary:
                return Unary(unary, decisions, depth, cancellationToken);
            case ILocalReferenceOperation local:
                return Local(local, decisions, depth, cancellationToken);
            case IFieldReferenceOperation field:
                return StaticReadonly(field, decisions, depth, cancellationToken);
            default:
                return PossibleValues.Unknown;
        }
    }

    private PossibleValues Conditional(IConditionalOperation conditional, Decisions decisions, int depth, CancellationToken cancellationToken)
    {
        if (conditional.Condition.ConstantValue is { HasValue: true, Value: bool taken })
        {
            return Evaluate(taken ? conditional.WhenTrue : conditional.WhenFalse!, decisions, depth, cancellationToken);
        }

        AddCondition(conditional, conditional.Condition, decisions);
        var whenTrue = Evaluate(conditional.WhenTrue, decisions, depth, cancellationToken);
        var whenFalse = Evaluate(conditional.WhenFalse!, decisions, depth, cancellationToken);
        return PossibleValues.Union(new[] { (whenTrue, (SyntaxNode?)conditional.WhenTrue.Syntax), (whenFalse, conditional.WhenFalse!.Syntax) });
    }

    private PossibleValues Coalesce(ICoalesceOperation coalesce, Decisions decisions, int depth, CancellationToken cancellationToken)
    {
        var left = Evaluate(coalesce.Value, decisions, depth, cancellationToken);
        var present = new List<PossibleValue>();
        var mayBeNull = left.IsPartial;
        foreach (var value in left.Values)
        {
            if (value.Constant is null)
            {
                mayBeNull = true;
            }
            else
            {
                present.Add(value);
            }
        }

        var nonNull = PossibleValues.From(present, left.IsPartial);
        if (!mayBeNull)
        {
            return nonNull;
        }

        // Whether the left is null is the choice here.
        AddCondition(coalesce, coalesce.Value, decisions, nullTest: true);
        var whenNull = Evaluate(coalesce.WhenNull, decisions, depth, cancellationToken);
        return PossibleValues.Union(new[] { (nonNull, (SyntaxNode?)null), (whenNull, coalesce.WhenNull.Syntax) });
    }

    private PossibleValues Binary(IBinaryOperation binary, Decisions decisions, int depth, CancellationToken cancellationToken)
    {
        if (binary.Type is not { } type)
        {
            return PossibleValues.Unknown;
        }

        var left = Evaluate(binary.LeftOperand, decisions, depth, cancellationToken);
        var right = left.IsUnknown ? PossibleValues.Unknown : Evaluate(binary.RightOperand, decisions, depth, cancellationToken);
        if (left.IsUnknown || right.IsUnknown)
        {
            return PossibleValues.Unknown;
        }

        var results = new List<PossibleValue>();
        foreach (var a in left.Values)
        {
            foreach (var b in right.Values)
            {
                if (!Arithmetic.TryApply(binary.OperatorKind, type.SpecialType, a.Constant, b.Constant, out var result))
                {
                    return PossibleValues.Unknown;
                }

                // A computed value has no literal to fix; it is named by the branch or assignment it came through.
                results.Add(new PossibleValue(result, null, a.Site ?? b.Site));
            }
        }

        return PossibleValues.From(results, left.IsPartial || right.IsPartial);
    }

    private PossibleValues Unary(IUnaryOperation unary, Decisions decisions, int depth, CancellationToken cancellationToken)
    {
        var operand = Evaluate(unary.Operand, decisions, depth, cancellationToken);
        if (unary.OperatorKind == UnaryOperatorKind.Plus || operand.IsUnknown || unary.Type is not { } type)
        {
            return unary.OperatorKind == UnaryOperatorKind.Plus ? operand : PossibleValues.Unknown;
        }

        var results = new List<PossibleValue>();
        foreach (var value in operand.Values)
        {
            if (!Arithmetic.TryNegate(type.SpecialType, value.Constant, out var negated))
            {
                return PossibleValues.Unknown;
            }

            results.Add(new PossibleValue(negated, null, value.Site));
        }

        return PossibleValues.From(results, operand.IsPartial);
    }

    private PossibleValues Local(ILocalReferenceOperation reference, Decisions decisions, int depth, CancellationToken cancellationToken)
    {
        // Conditions inside a once-written local's initializer are judged against the whole method's paths, which
        // only the graph walk sees: such a local is followed the long way.
        var own = new Decisions();
        var values = Follow(reference, own, depth, shortcut: true, out var tookShortcut, cancellationToken);
        if (tookShortcut && own.HasConditions)
        {
            own = new Decisions();
            values = Follow(reference, own, depth, shortcut: false, out _, cancellationToken);
        }

        decisions.Merge(own);
        return values;
    }

    private PossibleValues Follow(ILocalReferenceOperation reference, Decisions decisions, int depth, bool shortcut, out bool tookShortcut, CancellationToken cancellationToken)
    {
        var assignments = Assignments(reference, decisions, shortcut, out tookShortcut, cancellationToken);
        if (assignments is not { Count: > 0 })
        {
            return PossibleValues.Unknown;
        }

        var parts = new List<(PossibleValues, SyntaxNode?)>(assignments.Count);
        foreach (var (value, site) in assignments)
        {
            var values = value.ConstantValue.HasValue
                ? PossibleValues.Of(new PossibleValue(value.ConstantValue.Value, value.Syntax, null))
                : Evaluate(value, decisions, depth + 1, cancellationToken);
            parts.Add((values, site));
        }

        return PossibleValues.Union(parts);
    }

    private void AddCondition(IOperation at, IOperation condition, Decisions decisions, bool nullTest = false)
    {
        var symbols = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        Symbols.Collect(condition, symbols);
        var readsLocal = false;
        foreach (var symbol in symbols)
        {
            readsLocal |= symbol is ILocalSymbol;
        }

        var related = readsLocal ? MethodOf(at).Facts.Related(symbols) : symbols;
        if (nullTest)
        {
            decisions.AddNullTest(related, condition.Syntax);
        }
        else
        {
            decisions.Add(related, condition.Syntax);
        }
    }
}
