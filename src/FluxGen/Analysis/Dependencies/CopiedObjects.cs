using System.Collections.Immutable;
using FluxGen.Analysis.Flow;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using static FluxGen.Analysis.Dependencies.DependentMemberAnalyzer;

namespace FluxGen.Analysis.Dependencies;

/// <summary>
/// FLUX050 across statements: <c>copy with { ImagePrompt = null }</c> where the flow analysis knows every object
/// creation <c>copy</c> can hold. When the <c>with</c> breaks the rule for all of them, FLUX050; for some of them,
/// FLUX009 names the assignment of each. Init-only members cannot change after the creation, which is what lets the
/// creation stand for the object.
/// </summary>
internal static class CopiedObjects
{
    public static void Check(OperationAnalysisContext context, ImmutableArray<DependencyRule> rules, IWithOperation with, ILocalReferenceOperation local, FlowChecks flow)
    {
        Decisions? decisions = null;
        if (!flow.IsEnabled(with.Syntax.SyntaxTree) || !AllInitOnly(rules)
            || flow.Flow.Creations(local, decisions = new Decisions(), context.CancellationToken) is not { } creations || !decisions.AreIndependent)
        {
            RuleCache.Report(context, rules, new Writes(null, with.Initializer), wholeObject: false);
            return;
        }

        foreach (var rule in rules)
        {
            var broken = 0;
            IPropertySymbol? needed = null;
            Write dependent = default;
            var sites = new System.Collections.Generic.List<SyntaxNode>();
            foreach (var (creation, site) in creations)
            {
                if (RuleCache.Missing(rule, new Writes(creation, with.Initializer), wholeObject: true, out var write) is not { } missing)
                {
                    continue;
                }

                broken++;
                // A creation that breaks the rule by itself is reported there, not again at every copy.
                if (RuleCache.Missing(rule, new Writes(creation, null), wholeObject: true, out _) is null)
                {
                    needed = missing;
                    dependent = write;
                    sites.Add(site);
                }
            }

            if (needed is null)
            {
                continue;
            }

            var arguments = new object[] { rule.DependentPath, RuleCache.PathOf(needed) };
            var (location, properties) = Place(with, rule, needed, dependent);
            if (broken == creations.Count)
            {
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.DependentMemberMissing, location, properties, arguments));
                continue;
            }

            foreach (var site in sites)
            {
                context.ReportDiagnostic(MayReport.Create(Descriptors.DependentMemberMissing, arguments, site, location, null, properties));
            }
        }
    }

    // On the dependent member when the `with` sets it (the fix removes it there); otherwise on the null the `with`
    // writes into the needed member, which no fix can guess a value for.
    private static (Location Location, ImmutableDictionary<string, string?>? Properties) Place(IWithOperation with, DependencyRule rule, IPropertySymbol needed, Write dependent)
    {
        if (with.Initializer.Syntax.FullSpan.Contains(dependent.Syntax.Span))
        {
            return (dependent.Syntax.GetLocation(), ImmutableDictionary<string, string?>.Empty.Add(MemberProperty, rule.Dependent.Name));
        }

        if (new Writes(null, with.Initializer).TryFind(needed.Name, out var cleared))
        {
            var value = cleared.Syntax is AssignmentExpressionSyntax assignment ? assignment.Right : cleared.Syntax;
            return (value.GetLocation(), null);
        }

        return (with.Syntax.GetLocation(), null);
    }

    private static bool AllInitOnly(ImmutableArray<DependencyRule> rules)
    {
        foreach (var rule in rules)
        {
            if (!IsInitOnly(rule.Dependent))
            {
                return false;
            }

            foreach (var needed in rule.Needed)
            {
                if (!IsInitOnly(needed))
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static bool IsInitOnly(IPropertySymbol property) => property.SetMethod is null || property.SetMethod.IsInitOnly;
}
