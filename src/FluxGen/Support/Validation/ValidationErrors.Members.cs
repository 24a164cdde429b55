using System;
using System.Collections.Generic;
using System.Globalization;

namespace Apiframe.Validation;

// Checks the generated CollectErrors would otherwise spell out as a block with a pattern or a loop in every model;
// one call to a method with one signature costs the consumer's compiler far less (see ApiframeJsonMembers).
public sealed partial class ValidationErrors
{
    /// <summary>An optional enum member must hold a value its enum defines (a cast can make any number an enum
    /// value). Generic so that a valid value is never boxed.</summary>
    public void Enum<TEnum>(string path, TEnum? value, Func<TEnum, bool> isDefined, string allowed)
        where TEnum : struct
    {
        if (value.HasValue && !isDefined(value.GetValueOrDefault()))
        {
            DefinedEnum(path, false, value.GetValueOrDefault(), allowed);
        }
    }

    /// <summary>Every item of a list of enum values must be one its enum defines.</summary>
    public void EnumItems<TEnum>(string path, IReadOnlyList<TEnum>? values, Func<TEnum, bool> isDefined, string allowed)
        where TEnum : struct
    {
        if (values is null)
        {
            return;
        }

        for (var i = 0; i < values.Count; i++)
        {
            if (!isDefined(values[i]))
            {
                DefinedEnum(ItemPath(path, i), false, values[i], allowed);
            }
        }
    }

    /// <summary>Every item of a list of strings must be an absolute http or https URI.</summary>
    public void UriItems(string path, IReadOnlyList<string>? values)
    {
        if (values is null)
        {
            return;
        }

        for (var i = 0; i < values.Count; i++)
        {
            Uri(ItemPath(path, i), values[i]);
        }
    }

    /// <summary>Every item of a list of strings must be made of Unicode scalar values.</summary>
    public void ScalarValueItems(string path, IReadOnlyList<string>? values)
    {
        if (values is null)
        {
            return;
        }

        for (var i = 0; i < values.Count; i++)
        {
            ScalarValues(ItemPath(path, i), values[i]);
        }
    }

    private static string ItemPath(string path, int index) => path + "[" + index.ToString(CultureInfo.InvariantCulture) + "]";
}
