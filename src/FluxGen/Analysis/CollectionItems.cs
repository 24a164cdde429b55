using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using FluxGen.Analysis.Flow;
using Microsoft.CodeAnalysis.Operations;

namespace FluxGen.Analysis;

/// <summary>Checks the constant items of a collection stored into a member whose items are an enum: a cast can
/// give an item any number, and only defined members have a wire value.</summary>
internal static class CollectionItems
{
    public static void CheckEnums(DiagnosticSink context, MemberConstraints rules, IOperation value, SyntaxNode written)
    {
        if (written is CollectionExpressionSyntax or ParenthesizedExpressionSyntax && Unparenthesize(written) is CollectionExpressionSyntax collection)
        {
            // Newer compilers give a collection expression an operation whose children are its elements, already
            // bound and folded; reading those is far cheaper than asking the semantic model about each element.
            var operation = value;
            while (operation is IConversionOperation conversion)
            {
                operation = conversion.Operand;
            }

            if (operation.Syntax == collection && TryCheckChildren(context, rules, operation, collection.Elements.Count))
            {
                return;
            }

            // Roslyn 4.8 has no operation for collection expressions, so there the items are read from syntax.
            var model = value.SemanticModel;
            if (model is null)
            {
                return;
            }

            for (var i = 0; i < collection.Elements.Count; i++)
            {
                if (collection.Elements[i] is ExpressionElementSyntax element
                    && model.GetConstantValue(element.Expression, context.CancellationToken) is { HasValue: true, Value: { } constant })
                {
                    CheckItem(context, rules, element.Expression, constant, i);
                }
            }

            return;
        }

        while (value is IConversionOperation conversion)
        {
            value = conversion.Operand;
        }

        switch (value)
        {
            case IArrayCreationOperation { Initializer: { } initializer }:
                for (var i = 0; i < initializer.ElementValues.Length; i++)
                {
                    var item = initializer.ElementValues[i];
                    if (ConstantValues.TryGet(item, out var constant))
                    {
                        CheckItem(context, rules, item.Syntax, constant, i);
                    }
                }

                break;
            case IObjectCreationOperation { Initializer: { } objectInitializer }:
                for (var i = 0; i < objectInitializer.Initializers.Length; i++)
                {
                    if (objectInitializer.Initializers[i] is IInvocationOperation { Arguments.Length: 1 } add
                        && ConstantValues.TryGet(add.Arguments[0].Value, out var constant))
                    {
                        CheckItem(context, rules, add.Arguments[0].Value.Syntax, constant, i);
                    }
                }

                break;
        }
    }

    private static bool TryCheckChildren(DiagnosticSink context, MemberConstraints rules, IOperation collection, int elements)
    {
        var children = collection.ChildOperations;
        if (children.Count != elements || elements == 0)
        {
            return false;
        }

        var index = 0;
        foreach (var child in children)
        {
            if (ConstantValues.TryGet(child, out var constant))
            {
                CheckItem(context, rules, child.Syntax, constant, index);
            }

            index++;
        }

        return true;
    }

    private static void CheckItem(DiagnosticSink context, MemberConstraints rules, SyntaxNode syntax, object constant, int index)
    {
        if (ConstantValues.TryGetBits(constant, out var bits) && !rules.ItemDefinedEnumValues.Contains(bits))
        {
            var path = rules.Path + "[" + index.ToString(System.Globalization.CultureInfo.InvariantCulture) + "]";
            ValueChecks.ReportUndefinedEnum(context, rules.ItemEnumType!, path, syntax, constant);
        }
    }

    private static SyntaxNode Unparenthesize(SyntaxNode node)
    {
        while (node is ParenthesizedExpressionSyntax parenthesized)
        {
            node = parenthesized.Expression;
        }

        return node;
    }
}
