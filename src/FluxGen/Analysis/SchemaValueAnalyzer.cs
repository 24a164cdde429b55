using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using FluxGen.Analysis.Flow;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace FluxGen.Analysis;

/// <summary>
/// Reports compile-time constants that a FluxGen request member's schema constraints reject (FLUX001–FLUX008, FLUX040–FLUX042):
/// in object and nested initializers, <c>with</c> expressions, assignments, and constructor or method arguments; a
/// value that is not constant is judged by the values the flow analysis finds it can have (FLUX009 when only some break a rule).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SchemaValueAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = Descriptors.AllValueRules.Add(Descriptors.MayBreakSchema);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        // Generated files are skipped by GeneratedCodeFilter rather than by the compiler (see there why).
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterCompilationStartAction(OnCompilationStart);
    }

    private static void OnCompilationStart(CompilationStartAnalysisContext context)
    {
        // A compilation that cannot see the attributes has nothing constrained: register nothing at all.
        if (ConstraintAttributeTypes.TryCreate(context.Compilation) is not { } types)
        {
            return;
        }

        var members = new MemberCache(types, new GeneratedCodeFilter(context.Options), new FlowChecks(context.Options));
        context.RegisterOperationAction(members.AnalyzeAssignment, OperationKind.SimpleAssignment);
        context.RegisterOperationAction(members.AnalyzeArgument, OperationKind.Argument);
    }

    /// <summary>Constraints per member for one compilation, so attributes are read and parsed once per member and
    /// a valid constant costs a dictionary lookup and a few machine comparisons.</summary>
    private sealed class MemberCache
    {
        // Keyed by reference: a symbol's public object is cached by the compilation, so the same member is the same
        // object, and hashing by reference spares the string hash of the member's name that symbol equality costs on
        // every assignment. A miss would only read the same attributes twice.
        private readonly ConcurrentDictionary<ISymbol, MemberConstraints?> _members = new(ReferenceComparer.Instance);
        private readonly Func<ISymbol, MemberConstraints?> _read;
        private readonly GeneratedCodeFilter _generated;
        private readonly FlowChecks _flow;

        public MemberCache(ConstraintAttributeTypes types, GeneratedCodeFilter generated, FlowChecks flow)
        {
            _read = member => ConstraintReader.Read(member, types);
            _generated = generated;
            _flow = flow;
        }

        public void AnalyzeAssignment(OperationAnalysisContext context)
        {
            // First of all, before any operation property builds more of the tree: generated files are skipped.
            if (_generated.IsGenerated(context.Operation.Syntax.SyntaxTree))
            {
                return;
            }

            var assignment = (ISimpleAssignmentOperation)context.Operation;
            var target = assignment.Target;
            ISymbol? member = target.Kind switch
            {
                OperationKind.PropertyReference => ((IPropertyReferenceOperation)target).Property,
                OperationKind.FieldReference => ((IFieldReferenceOperation)target).Field,
                _ => null,
            };
            if (member is not null && Get(member) is { } rules)
            {
                // The written expression, not the folded operation: `checked(...)` and parentheses have no operation.
                var written = assignment.Syntax is AssignmentExpressionSyntax syntax ? syntax.Right : assignment.Value.Syntax;
                if (!ValueChecks.Check(context, rules, assignment.Value, written))
                {
                    _flow.Check(context, rules, assignment.Value, written);
                }
            }
        }

        public void AnalyzeArgument(OperationAnalysisContext context)
        {
            if (_generated.IsGenerated(context.Operation.Syntax.SyntaxTree))
            {
                return;
            }

            var argument = (IArgumentOperation)context.Operation;

            // A default value comes from the declaration, not from this call.
            if (argument.ArgumentKind == ArgumentKind.DefaultValue || argument.Parameter is not { } parameter)
            {
                return;
            }

            if (Get(parameter) is { } rules)
            {
                var written = argument.Syntax is ArgumentSyntax syntax ? syntax.Expression : argument.Value.Syntax;
                if (!ValueChecks.Check(context, rules, argument.Value, written))
                {
                    _flow.Check(context, rules, argument.Value, written);
                }
            }
        }

        private MemberConstraints? Get(ISymbol member) => _members.GetOrAdd(member.OriginalDefinition, _read);
    }

    private sealed class ReferenceComparer : IEqualityComparer<ISymbol>
    {
        public static readonly ReferenceComparer Instance = new();

        public bool Equals(ISymbol? x, ISymbol? y) => ReferenceEquals(x, y);

        public int GetHashCode(ISymbol obj) => RuntimeHelpers.GetHashCode(obj);
    }
}
