using System.Collections.Generic;
using System.Linq;
using System.Text;
using FluxGen.Schema.Model;

namespace FluxGen.Emit;

internal static partial class RecordEmitter
{
    /// <summary>The <c>[SchemaDependentRequired]</c> attribute of a member that other members must accompany, or
    /// <see langword="null"/>; <c>nameof</c> keeps the names honest when the record is renamed by hand.</summary>
    private static string? DependentRequiredAttribute(ObjectSpec type, PropertySpec property)
    {
        var needed = NeededBy(type, property).ToList();
        return needed.Count == 0
            ? null
            : $"[{TypeNames.Constraints}SchemaDependentRequired({string.Join(", ", needed.Select(p => $"nameof({p.ClrName})"))})]";
    }

    /// <summary>Appends " Needs <c>image_prompt</c> when set." to the remarks of a dependent member.</summary>
    private static void AppendDependencyNote(StringBuilder text, ObjectSpec type, PropertySpec property)
    {
        var first = true;
        foreach (var needed in NeededBy(type, property))
        {
            text.Append(first ? " Needs <c>" : " and <c>").Append(Literals.Xml(needed.JsonName)).Append("</c>");
            first = false;
        }

        if (!first)
        {
            text.Append(" when set.");
        }
    }

    /// <summary>One check per <c>dependentRequired</c> pair, after the member checks.</summary>
    private static void WriteDependencyChecks(CodeWriter writer, ObjectSpec type)
    {
        foreach (var dependent in type.Properties)
        {
            foreach (var required in NeededBy(type, dependent))
            {
                writer.Line($"errors.DependentRequired({Literals.Quote(dependent.JsonPath)}, {IsSet(dependent)}, {Literals.Quote(required.JsonPath)}, {IsSet(required)});");
            }
        }
    }

    private static IEnumerable<PropertySpec> NeededBy(ObjectSpec type, PropertySpec dependent)
    {
        // Asked for every member of every record, and nearly no record has a rule: no search, no closure.
        if (type.DependentRequired.Count == 0)
        {
            return Enumerable.Empty<PropertySpec>();
        }

        var rule = type.DependentRequired.FirstOrDefault(r => r.Dependent == dependent.JsonName);
        return rule is null
            ? Enumerable.Empty<PropertySpec>()
            : rule.Requires.Select(name => type.Properties.First(p => p.JsonName == name));
    }

    // A constant or a constructor-set value type is always present; everything else is present when not null.
    private static string IsSet(PropertySpec property) =>
        property.Value.Const is not null || (IsConstructorParameter(property) && !TypeNames.IsReference(property.Value))
            ? "true"
            : $"this.{property.ClrName} is not null";
}
