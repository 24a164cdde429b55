using FluxGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Xunit.Abstractions;

namespace FluxGen.Tests.OpenApi;

/// <summary>What a named model costs the consumer's compiler is mostly its method bodies, and a block with a pattern
/// (<c>if (this.X is { } x) { ... }</c>) binds several times slower than one plain call. Over every model of the
/// document, only members that hold other generated objects keep a block in <c>WriteTo</c> and
/// <c>CollectErrors</c>; scalars, enums and lists of strings or enum values take one call each.</summary>
public class EmittedShapeTests(ITestOutputHelper output)
{
    [Fact]
    public void Scalar_enum_and_plain_list_members_are_written_and_checked_by_one_call_each()
    {
        var outcome = OpenApiModelTests.RunDocument(withFluxSchema: false);
        var blocks = new List<string>();
        var calls = 0;
        foreach (var tree in outcome.Output.SyntaxTrees.Where(t => t.FilePath.EndsWith(".Request.g.cs", StringComparison.Ordinal)
            || t.FilePath.EndsWith(".Params.g.cs", StringComparison.Ordinal)))
        {
            var model = outcome.Output.GetSemanticModel(tree);
            foreach (var method in tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>()
                .Where(m => m.Identifier.Text is "WriteTo" or "CollectErrors"))
            {
                calls += method.Body!.Statements.Count(s => s is ExpressionStatementSyntax);
                // The argument check (`if (writer is null) throw ...`) is not a member's block.
                foreach (var block in method.Body.Statements.OfType<IfStatementSyntax>().Where(b => b.Statement is not ThrowStatementSyntax))
                {
                    var member = block.Condition.DescendantNodesAndSelf().OfType<MemberAccessExpressionSyntax>()
                        .First(m => m.Expression is ThisExpressionSyntax);
                    var type = model.GetTypeInfo(member).Type!;
                    if (!HoldsGeneratedObjects(type))
                    {
                        blocks.Add($"{Path.GetFileName(tree.FilePath)} {method.Identifier.Text}: {member} ({type.ToDisplayString()})");
                    }
                }
            }
        }

        output.WriteLine($"{calls} single-call statements; blocks on non-object members: {blocks.Count}");
        Assert.Empty(blocks);
        Assert.True(calls > 1000, $"only {calls} statements: the document's models were not all emitted");
    }

    private static bool HoldsGeneratedObjects(ITypeSymbol type)
    {
        if (type is INamedTypeSymbol { IsGenericType: true } list && list.Name == "IReadOnlyList")
        {
            type = list.TypeArguments[0];
        }

        return type.IsRecord || type.ToDisplayString() == "System.Text.Json.JsonElement?";
    }
}
