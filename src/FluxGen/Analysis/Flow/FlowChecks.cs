using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace FluxGen.Analysis.Flow;

/// <summary>
/// Judges a value that is not a compile-time constant by the values it can have (see <see cref="ValueFlow"/>):
/// when every one breaks a rule, the rule itself is reported, as certain as for a constant; when only some do,
/// FLUX009 names each such branch or assignment. A value that cannot be known is not reported.
/// </summary>
internal sealed class FlowChecks
{
    /// <summary>The .editorconfig key that turns the flow analysis off (<c>fluxgen_flow_analysis = false</c>).</summary>
    public const string OptionKey = "fluxgen_flow_analysis";

    private readonly ConcurrentDictionary<SyntaxTree, bool> _enabled = new();
    private readonly Func<SyntaxTree, bool> _decide;

    public FlowChecks(AnalyzerOptions options) =>
        _decide = tree => !(options.AnalyzerConfigOptionsProvider.GetOptions(tree).TryGetValue(OptionKey, out var configured)
            && bool.TryParse(configured, out var enabled) && !enabled);

    public ValueFlow Flow { get; } = new();

    public bool IsEnabled(SyntaxTree tree) => _enabled.GetOrAdd(tree, _decide);

    /// <summary>Checks the possible values of <paramref name="value"/>, stored into a member with
    /// <paramref name="rules"/>, reporting at <paramref name="written"/>.</summary>
    public void Check(OperationAnalysisContext context, MemberConstraints rules, IOperation value, SyntaxNode written)
    {
        if (rules.Kind is ValueKind.Collection or ValueKind.Other || IsOpaque(value) || !IsEnabled(written.SyntaxTree))
        {
            return;
        }

        var decisions = new Decisions();
        var possible = Flow.Evaluate(value, decisions, context.CancellationToken);
        if (possible.Values.Count == 0)
        {
            return;
        }

        var findings = new List<Finding>(1);
        var broken = new List<(PossibleValue Value, Finding Finding)>();
        foreach (var candidate in possible.Values)
        {
            // Null leaves the member unset, which no value rule judges.
            if (candidate.Constant is null)
            {
                continue;
            }

            findings.Clear();
            ValueChecks.CheckConstant(new DiagnosticSink(context, findings), rules, candidate.Constant, candidate.Origin ?? written);
            if (findings.Count > 0)
            {
                broken.Add((candidate, findings[0]));
            }
        }

        if (broken.Count == 0 || !decisions.AreIndependent)
        {
            return;
        }

        var certain = !possible.IsPartial && broken.Count == possible.Values.Count;
        foreach (var (candidate, finding) in broken)
        {
            context.ReportDiagnostic(certain ? Certain(finding, candidate, written) : May(finding, candidate, written));
        }
    }

    /// <summary>The underlying rule at the use; its fix (if any) goes where the constant is written.</summary>
    private static Diagnostic Certain(Finding finding, PossibleValue candidate, SyntaxNode written) =>
        Diagnostic.Create(finding.Rule, written.GetLocation(), Written(candidate, written), Fix(finding, candidate, written), finding.Arguments);

    private static Diagnostic May(Finding finding, PossibleValue candidate, SyntaxNode written) =>
        MayReport.Create(finding.Rule, finding.Arguments, candidate.Site ?? candidate.Origin ?? written, written.GetLocation(), Written(candidate, written), Fix(finding, candidate, written));

    private static IEnumerable<Location>? Written(PossibleValue candidate, SyntaxNode written) =>
        candidate.Origin is { } origin && origin != written ? new[] { origin.GetLocation() } : null;

    // The fix edits the constant where it is written, which must be in the same document as the report.
    private static System.Collections.Immutable.ImmutableDictionary<string, string?>? Fix(Finding finding, PossibleValue candidate, SyntaxNode written) =>
        candidate.Origin is { } origin && origin.SyntaxTree == written.SyntaxTree ? finding.Properties : null;

    // Reads of these are unknown whatever the method does: no graph is worth building for them.
    private static bool IsOpaque(IOperation value)
    {
        while (value is IConversionOperation conversion)
        {
            value = conversion.Operand;
        }

        return value.Kind is OperationKind.ParameterReference or OperationKind.Invocation or OperationKind.PropertyReference
            or OperationKind.ObjectCreation or OperationKind.InstanceReference or OperationKind.Await;
    }
}
