using System.Collections.Generic;
using System.Linq;
using System.Text;
using FluxGen.Schema.Model;

namespace FluxGen.Emit;

internal static partial class RecordEmitter
{
    /// <summary>The <c>[SchemaDependentRequired]</c> attribute of a member that other members must accompany, or
    /// <see langword="null"/>; <c>nameof</c> keeps the names honest when the record is renamed by hand.</summary>
    private static string? DependentRequiredAttribute(ObjectSpec type, PropertySpec property, string ns)
    {
        var needed = NeededBy(type, property).ToList();
        if (needed.Count == 0)
        {
            return null;
        }

        var names = string.Join(", ", needed.Select(p => $"nameof({p.ClrName})"));
        return Condition(type, property) is { } when
            ? $"[{TypeNames.Constraints}SchemaDependentRequired({names}, When = {WhenLiteral(property, when, ns)}, WhenUnset = {(AppliesWhenUnset(property, when) ? "true" : "false")})]"
            : $"[{TypeNames.Constraints}SchemaDependentRequired({names})]";
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
            text.Append(Condition(type, property) is { } when
                ? $" when <c>{Literals.Xml(when)}</c>{(AppliesWhenUnset(property, when) ? " (also when unset: it is the default)" : string.Empty)}."
                : " when set.");
        }
    }

    /// <summary>One check per <c>dependentRequired</c> pair, after the member checks.</summary>
    private static void WriteDependencyChecks(CodeWriter writer, ObjectSpec type, string ns)
    {
        foreach (var dependent in type.Properties)
        {
            var when = Condition(type, dependent);
            foreach (var required in NeededBy(type, dependent))
            {
                writer.Line(when is null
                    ? $"errors.DependentRequired({Literals.Quote(dependent.JsonPath)}, {IsSet(dependent)}, {Literals.Quote(required.JsonPath)}, {IsSet(required)});"
                    : $"errors.RequiredWhen({Literals.Quote(dependent.JsonPath)}, {Literals.String(when)}, {Holds(dependent, when, ns)}, {Literals.Quote(required.JsonPath)}, {IsSet(required)});");
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

    /// <summary>The wire value a conditional rule of <paramref name="dependent"/> waits for, or null for a plain rule.</summary>
    private static string? Condition(ObjectSpec type, PropertySpec dependent)
    {
        if (type.DependentRequired.Count == 0)
        {
            return null;
        }

        return type.DependentRequired.FirstOrDefault(r => r.Dependent == dependent.JsonName)?.WhenValue;
    }

    // The server applies a member's default when it is left out, so a rule on the default value holds then too (the
    // reader keeps a default as its JSON text).
    private static bool AppliesWhenUnset(PropertySpec dependent, string when) => dependent.Value.Default == "\"" + when + "\"";

    private static string WhenLiteral(PropertySpec dependent, string when, string ns) =>
        dependent.Value.Kind == ValueKind.Enum ? $"{EnumType(dependent.Value, ns)}.{Schema.Naming.EnumMember(when)}" : Literals.String(when);

    /// <summary>The C# test of whether a conditional rule holds: the member has the value, or is unset and defaults to it.</summary>
    private static string Holds(PropertySpec dependent, string when, string ns)
    {
        var access = "this." + dependent.ClrName;
        var equals = $"{access} == {WhenLiteral(dependent, when, ns)}";
        return AppliesWhenUnset(dependent, when) && !(IsConstructorParameter(dependent) && !TypeNames.IsReference(dependent.Value))
            ? $"{access} is null || {equals}"
            : equals;
    }

    // A constant or a constructor-set value type is always present; everything else is present when not null.
    private static string IsSet(PropertySpec property) =>
        property.Value.Const is not null || (IsConstructorParameter(property) && !TypeNames.IsReference(property.Value))
            ? "true"
            : $"this.{property.ClrName} is not null";
}
