using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace FluxGen.Analysis;

/// <summary>Reads the constraint attributes off a symbol (source or metadata alike).</summary>
internal static class ConstraintReader
{
    /// <summary>The member's constraints, or <see langword="null"/> when it carries none this analyzer checks.</summary>
    public static MemberConstraints? Read(ISymbol member, ConstraintAttributeTypes types)
    {
        var type = member switch
        {
            IPropertySymbol property => property.Type,
            IFieldSymbol field => field.Type,
            IParameterSymbol parameter => parameter.Type,
            _ => null,
        };
        if (type is null)
        {
            return null;
        }

        var attributes = member.GetAttributes();
        if (!HasAnyConstraint(attributes, types))
        {
            return null;
        }

        var (kind, numericType) = Classify(type);
        var constraints = new MemberConstraints(ReadPath(member, attributes, types), kind, numericType);
        foreach (var attribute in attributes)
        {
            var attributeClass = attribute.AttributeClass;
            if (ConstraintAttributeTypes.Is(attributeClass, types.Range))
            {
                foreach (var named in attribute.NamedArguments)
                {
                    var bound = Bound.TryParse(named.Value.Value as string);
                    switch (named.Key)
                    {
                        case "Minimum": constraints.Minimum = bound; break;
                        case "Maximum": constraints.Maximum = bound; break;
                        case "ExclusiveMinimum": constraints.ExclusiveMinimum = bound; break;
                        case "ExclusiveMaximum": constraints.ExclusiveMaximum = bound; break;
                    }
                }
            }
            else if (ConstraintAttributeTypes.Is(attributeClass, types.MultipleOf))
            {
                var step = Bound.TryParse(FirstString(attribute));
                constraints.Step = step is not null && step.Exact.Mantissa.Sign > 0 ? step : null;
            }
            else if (ConstraintAttributeTypes.Is(attributeClass, types.AllowedValues))
            {
                ReadAllowedValues(attribute, type, constraints);
            }
            else if (ConstraintAttributeTypes.Is(attributeClass, types.Length))
            {
                constraints.MinLength = NamedInt(attribute, "MinLength");
                constraints.MaxLength = NamedInt(attribute, "MaxLength");
            }
            else if (ConstraintAttributeTypes.Is(attributeClass, types.Format))
            {
                constraints.IsUri = FirstString(attribute) == "uri";
                constraints.IsUuid = FirstString(attribute) == "uuid";
            }
            else if (ConstraintAttributeTypes.Is(attributeClass, types.Pattern))
            {
                constraints.Pattern = FirstString(attribute);
            }
            else if (ConstraintAttributeTypes.Is(attributeClass, types.Items))
            {
                constraints.MinItems = NamedInt(attribute, "MinItems");
                constraints.MaxItems = NamedInt(attribute, "MaxItems");
            }
        }

        if (kind == ValueKind.Collection && ItemType(type) is INamedTypeSymbol { TypeKind: TypeKind.Enum } itemEnum)
        {
            constraints.ItemEnumType = itemEnum;
            constraints.ItemDefinedEnumValues = DefinedValues(itemEnum);
        }

        return constraints;
    }

    /// <summary>The item type of an array or of a generic collection of one type argument.</summary>
    private static ITypeSymbol? ItemType(ITypeSymbol type) => type switch
    {
        IArrayTypeSymbol array => array.ElementType,
        INamedTypeSymbol { TypeArguments.Length: 1 } named => named.TypeArguments[0],
        _ => null,
    };

    private static ImmutableArray<long> DefinedValues(INamedTypeSymbol enumType)
    {
        var defined = ImmutableArray.CreateBuilder<long>();
        foreach (var member in enumType.GetMembers())
        {
            if (member is IFieldSymbol { HasConstantValue: true } field && ConstantValues.TryGetBits(field.ConstantValue, out var bits))
            {
                defined.Add(bits);
            }
        }

        return defined.ToImmutable();
    }

    private static bool HasAnyConstraint(ImmutableArray<AttributeData> attributes, ConstraintAttributeTypes types)
    {
        foreach (var attribute in attributes)
        {
            var c = attribute.AttributeClass;
            // [SchemaProperty] alone still makes a schema member: its strings must be Unicode, its numbers finite.
            if (ConstraintAttributeTypes.Is(c, types.Property) || ConstraintAttributeTypes.Is(c, types.Range) || ConstraintAttributeTypes.Is(c, types.MultipleOf)
                || ConstraintAttributeTypes.Is(c, types.AllowedValues) || ConstraintAttributeTypes.Is(c, types.Length)
                || ConstraintAttributeTypes.Is(c, types.Format) || ConstraintAttributeTypes.Is(c, types.Items)
                || ConstraintAttributeTypes.Is(c, types.Pattern))
            {
                return true;
            }
        }

        return false;
    }

    private static string ReadPath(ISymbol member, ImmutableArray<AttributeData> attributes, ConstraintAttributeTypes types)
    {
        foreach (var attribute in attributes)
        {
            if (ConstraintAttributeTypes.Is(attribute.AttributeClass, types.Property) && FirstString(attribute) is { Length: > 0 } path)
            {
                return path;
            }
        }

        return member.Name;
    }

    private static (ValueKind Kind, SpecialType NumericType) Classify(ITypeSymbol type)
    {
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
        {
            type = nullable.TypeArguments[0];
        }

        switch (type.SpecialType)
        {
            case SpecialType.System_SByte:
            case SpecialType.System_Byte:
            case SpecialType.System_Int16:
            case SpecialType.System_UInt16:
            case SpecialType.System_Int32:
            case SpecialType.System_UInt32:
            case SpecialType.System_Int64:
            case SpecialType.System_UInt64:
                return (ValueKind.Integer, type.SpecialType);
            case SpecialType.System_Double:
                return (ValueKind.Real, type.SpecialType);
            case SpecialType.System_Single:
                return (ValueKind.Single, type.SpecialType);
            case SpecialType.System_Decimal:
                return (ValueKind.Decimal, type.SpecialType);
            case SpecialType.System_String:
                return (ValueKind.String, SpecialType.None);
        }

        if (type.TypeKind == TypeKind.Enum)
        {
            return (ValueKind.Enum, SpecialType.None);
        }

        return type.TypeKind == TypeKind.Array || type.AllInterfaces.Length > 0 || type.TypeKind == TypeKind.Interface
            ? (ValueKind.Collection, SpecialType.None)
            : (ValueKind.Other, SpecialType.None);
    }

    private static void ReadAllowedValues(AttributeData attribute, ITypeSymbol type, MemberConstraints constraints)
    {
        if (attribute.ConstructorArguments.Length != 1 || attribute.ConstructorArguments[0].Kind != TypedConstantKind.Array)
        {
            return;
        }

        if (constraints.Kind == ValueKind.String)
        {
            var values = ImmutableArray.CreateBuilder<string>();
            foreach (var value in attribute.ConstructorArguments[0].Values)
            {
                if (value.Value is string text)
                {
                    values.Add(text);
                }
            }

            constraints.AllowedValues = values.ToImmutable();
        }
        else if (constraints.Kind is ValueKind.Integer or ValueKind.Real or ValueKind.Single or ValueKind.Decimal)
        {
            var numbers = ImmutableArray.CreateBuilder<Bound>();
            foreach (var value in attribute.ConstructorArguments[0].Values)
            {
                if (Bound.TryParse(value.Value as string) is { } number)
                {
                    numbers.Add(number);
                }
            }

            constraints.AllowedNumbers = numbers.ToImmutable();
        }
        else if (constraints.Kind == ValueKind.Enum)
        {
            var enumType = (INamedTypeSymbol)(type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable
                ? nullable.TypeArguments[0]
                : type);
            constraints.EnumType = enumType;
            constraints.DefinedEnumValues = DefinedValues(enumType);
        }
    }

    private static string? FirstString(AttributeData attribute) =>
        attribute.ConstructorArguments.Length > 0 ? attribute.ConstructorArguments[0].Value as string : null;

    private static int NamedInt(AttributeData attribute, string name)
    {
        foreach (var named in attribute.NamedArguments)
        {
            if (named.Key == name && named.Value.Value is int value)
            {
                return value;
            }
        }

        return -1;
    }
}
