using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FluxGen.Analysis.Flow;

/// <summary>What a value check found, before it is placed: the flow analysis decides where (and whether as a
/// certain error or a "may" warning) a finding about one of several possible values goes.</summary>
internal sealed record Finding(DiagnosticDescriptor Rule, SyntaxNode Value, ImmutableDictionary<string, string?>? Properties, object[] Arguments);

/// <summary>Where the value checks report: straight to the analysis context (a constant written at the member), or
/// into a list (one of the values a non-constant expression can have).</summary>
internal readonly struct DiagnosticSink
{
    private readonly OperationAnalysisContext _context;
    private readonly List<Finding>? _findings;

    public DiagnosticSink(OperationAnalysisContext context, List<Finding>? findings = null)
    {
        _context = context;
        _findings = findings;
    }

    public CancellationToken CancellationToken => _context.CancellationToken;

    public static implicit operator DiagnosticSink(OperationAnalysisContext context) => new(context);

    public void Report(DiagnosticDescriptor rule, SyntaxNode value, ImmutableDictionary<string, string?>? properties, object[] arguments)
    {
        if (_findings is not null)
        {
            _findings.Add(new Finding(rule, value, properties, arguments));
            return;
        }

        _context.ReportDiagnostic(Diagnostic.Create(rule, value.GetLocation(), properties, arguments));
    }
}
