using System;
using System.Collections.Generic;
using System.Text.Json;
using Apiframe.Validation;

namespace Apiframe.Serialization;

/// <summary>
/// One call per optional member for the generated <c>WriteTo</c> methods. The null test and the loop over a list live
/// here once rather than as an <c>if</c> with a pattern in every model: the consumer's compiler binds a plain call to
/// a method with one signature several times faster than that block, which is most of what a named model costs a
/// build (see README, Build cost). The JIT inlines these small methods, so the request path pays nothing for it.
/// </summary>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public static class ApiframeJsonMembers
{
    /// <summary>A member name, encoded once per model type.</summary>
    /// <param name="name">The JSON member name.</param>
    /// <returns>The encoded name.</returns>
    public static JsonEncodedText Name(string name) => JsonEncodedText.Encode(name);

    /// <summary>Writes a string member unless <paramref name="value"/> is null.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="name">The member name.</param>
    /// <param name="value">The value.</param>
    /// <param name="path">The member's JSON path, for the message when the string holds a lone surrogate.</param>
    /// <exception cref="ArgumentException">The string holds a lone UTF-16 surrogate.</exception>
    public static void WriteString(Utf8JsonWriter writer, JsonEncodedText name, string? value, string path)
    {
        if (value is not null)
        {
            writer.WriteString(name, SchemaText.RequireScalarValues(value, path));
        }
    }

    /// <summary>Writes a boolean member unless <paramref name="value"/> is null.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="name">The member name.</param>
    /// <param name="value">The value.</param>
    public static void WriteBoolean(Utf8JsonWriter writer, JsonEncodedText name, bool? value)
    {
        if (value.HasValue)
        {
            writer.WriteBoolean(name, value.GetValueOrDefault());
        }
    }

    /// <summary>Writes an integer member unless <paramref name="value"/> is null.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="name">The member name.</param>
    /// <param name="value">The value; an <see langword="int"/> member converts, and is written with the same digits.</param>
    public static void WriteInteger(Utf8JsonWriter writer, JsonEncodedText name, long? value)
    {
        if (value.HasValue)
        {
            writer.WriteNumber(name, value.GetValueOrDefault());
        }
    }

    /// <summary>Writes a number member unless <paramref name="value"/> is null.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="name">The member name.</param>
    /// <param name="value">The value; NaN and infinities have no JSON form, and the writer refuses them.</param>
    public static void WriteDouble(Utf8JsonWriter writer, JsonEncodedText name, double? value)
    {
        if (value.HasValue)
        {
            writer.WriteNumber(name, value.GetValueOrDefault());
        }
    }

    /// <summary>Writes an enum member as its wire string unless <paramref name="value"/> is null.</summary>
    /// <typeparam name="TEnum">The generated enum.</typeparam>
    /// <param name="writer">The writer.</param>
    /// <param name="name">The member name.</param>
    /// <param name="value">The value.</param>
    /// <param name="toWireValue">The enum's <c>ToWireValue</c>, which throws for a value no member defines.</param>
    public static void WriteEnum<TEnum>(Utf8JsonWriter writer, JsonEncodedText name, TEnum? value, Func<TEnum, string> toWireValue)
        where TEnum : struct
    {
        if (value.HasValue)
        {
            writer.WriteString(name, toWireValue(value.GetValueOrDefault()));
        }
    }

    /// <summary>Writes a list of strings unless <paramref name="values"/> is null.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="name">The member name.</param>
    /// <param name="values">The list.</param>
    /// <param name="path">The items' JSON path, for the message when a string holds a lone surrogate.</param>
    /// <exception cref="ArgumentException">A string holds a lone UTF-16 surrogate.</exception>
    public static void WriteStrings(Utf8JsonWriter writer, JsonEncodedText name, IReadOnlyList<string>? values, string path)
    {
        if (values is null)
        {
            return;
        }

        writer.WriteStartArray(name);

        // An indexer loop: foreach over the list interface would box its enumerator on every call.
        for (var i = 0; i < values.Count; i++)
        {
            writer.WriteStringValue(SchemaText.RequireScalarValues(values[i], path));
        }

        writer.WriteEndArray();
    }

    /// <summary>Writes a list of enum values as their wire strings unless <paramref name="values"/> is null.</summary>
    /// <typeparam name="TEnum">The generated enum.</typeparam>
    /// <param name="writer">The writer.</param>
    /// <param name="name">The member name.</param>
    /// <param name="values">The list.</param>
    /// <param name="toWireValue">The enum's <c>ToWireValue</c>, which throws for a value no member defines.</param>
    public static void WriteEnums<TEnum>(Utf8JsonWriter writer, JsonEncodedText name, IReadOnlyList<TEnum>? values, Func<TEnum, string> toWireValue)
        where TEnum : struct
    {
        if (values is null)
        {
            return;
        }

        writer.WriteStartArray(name);
        for (var i = 0; i < values.Count; i++)
        {
            writer.WriteStringValue(toWireValue(values[i]));
        }

        writer.WriteEndArray();
    }
}
