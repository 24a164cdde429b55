using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace FluxGen.Analysis.Flow;

/// <summary>A <c>static readonly</c> field of a primitive type, set once from its initializer.</summary>
internal sealed partial class ValueFlow
{
    private PossibleValues StaticReadonly(IFieldReferenceOperation reference, Decisions decisions, int depth, CancellationToken cancellationToken)
    {
        var field = reference.Field;
        if (!field.IsStatic || !field.IsReadOnly || field.Type.SpecialType is < SpecialType.System_Boolean or > SpecialType.System_String
            || field.DeclaringSyntaxReferences.Length != 1 || reference.SemanticModel is not { } model)
        {
            return PossibleValues.Unknown;
        }

        // A static constructor may assign it again; so may nothing else.
        foreach (var constructor in field.ContainingType.StaticConstructors)
        {
            if (!constructor.IsImplicitlyDeclared && MayAssign(constructor, field, model, cancellationToken))
            {
                return PossibleValues.Unknown;
            }
        }

        // Only a declaration in the same file: a semantic model for another file is not the analyzer's to create.
        var declaration = field.DeclaringSyntaxReferences[0];
        if (declaration.SyntaxTree != reference.Syntax.SyntaxTree
            || declaration.GetSyntax(cancellationToken) is not VariableDeclaratorSyntax { Initializer.Value: { } initializer }
            || model.GetOperation(initializer, cancellationToken) is not { } written)
        {
            return PossibleValues.Unknown;
        }

        return Evaluate(written, decisions, depth + 1, cancellationToken);
    }

    // Whether a static constructor mentions the field at all; one in another file is assumed to.
    private static bool MayAssign(IMethodSymbol constructor, IFieldSymbol field, SemanticModel model, CancellationToken cancellationToken)
    {
        foreach (var reference in constructor.DeclaringSyntaxReferences)
        {
            if (reference.SyntaxTree != model.SyntaxTree || model.GetOperation(reference.GetSyntax(cancellationToken), cancellationToken) is not { } body)
            {
                return true;
            }

            foreach (var node in body.DescendantsAndSelf())
            {
                if (node is IFieldReferenceOperation used && SymbolEqualityComparer.Default.Equals(used.Field, field))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
