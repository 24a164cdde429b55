using System.Linq;
using FluxGen.Schema.Model;

namespace FluxGen.Emit;

/// <summary>Checks for the keywords the OpenAPI document brought: <c>pattern</c>, <c>format: uuid</c>, numeric enums.</summary>
internal static partial class RecordEmitter
{
    private static void WriteKeywordChecks(CodeWriter writer, ValueSpec value, string path, string access, string patternField)
    {
        var checks = TypeNames.Validation + "SchemaChecks.";
        if (value.Pattern is not null)
        {
            writer.Line($"{checks}Matches(errors, {path}, {access}, {patternField});");
        }

        if (value.Format == "uuid")
        {
            writer.Line($"{checks}Uuid(errors, {path}, {access});");
        }

        if (value.Kind is ValueKind.Number or ValueKind.Integer && value.AllowedValues.Count > 0)
        {
            writer.Line($"{checks}OneOf(errors, {path}, {access}, {string.Join(", ", value.AllowedValues.Select(Numbers.Double))});");
        }
    }
}
