using System;
using System.Collections.Generic;
using System.Globalization;

namespace Apiframe.Validation;

/// <summary>
/// Collects schema violations while generated <c>Validate()</c> methods walk a request. Each check is a no-op for
/// an unset (<see langword="null"/>) optional member; required members are checked by <see cref="Required"/>.
/// </summary>
public sealed partial class ValidationErrors
{
    // One collector per thread, reused by every Validate() that finds nothing: a valid request allocates nothing.
    [ThreadStatic]
    private static ValidationErrors? t_spare;

    private List<ApiframeValidationError>? _errors;

    /// <summary>Whether any violation was found.</summary>
    public bool HasErrors => _errors is { Count: > 0 };

    /// <summary>The violations found so far.</summary>
    public IReadOnlyList<ApiframeValidationError> Errors => (IReadOnlyList<ApiframeValidationError>?)_errors ?? Array.Empty<ApiframeValidationError>();

    /// <summary>Records a violation.</summary>
    public void Add(string path, string constraint, string expected, string? actual, string message) =>
        (_errors ??= new List<ApiframeValidationError>()).Add(new ApiframeValidationError(path, constraint, expected, actual, message));

    /// <summary>Throws <see cref="ApiframeValidationException"/> if anything was recorded.</summary>
    public void ThrowIfAny()
    {
        if (_errors is { Count: > 0 })
        {
            throw new ApiframeValidationException(_errors.ToArray());
        }
    }

    /// <summary>An empty collector: this thread's spare one when it has it. Pair with <see cref="ReturnOrThrow"/>.</summary>
    [global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]
    public static ValidationErrors Rent()
    {
        var spare = t_spare;
        if (spare is null)
        {
            return new ValidationErrors();
        }

        t_spare = null;
        return spare;
    }

    /// <summary>Throws <see cref="ApiframeValidationException"/> if anything was recorded; otherwise keeps this
    /// (empty) collector as the thread's spare for the next <see cref="Rent"/>.</summary>
    [global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]
    public void ReturnOrThrow()
    {
        ThrowIfAny();
        t_spare = this;
    }

    /// <summary>A required member must be present.</summary>
    public void Required(string path, object? value)
    {
        if (value is null)
        {
            Add(path, "required", "a value", null, $"{path} is required.");
        }
    }

    /// <summary><c>minLength</c>/<c>maxLength</c> in Unicode code points; -1 means no bound.</summary>
    public void Length(string path, string? value, int minLength, int maxLength)
    {
        if (value is null)
        {
            return;
        }

        if (!SchemaText.IsScalarValues(value))
        {
            AddLoneSurrogate(path, value);
            return;
        }

        var length = SchemaText.CodePoints(value);
        if (minLength >= 0 && length < minLength)
        {
            Add(path, "minLength", Int(minLength), Quote(value), $"{path} has {length} characters; at least {minLength} are required.");
        }

        if (maxLength >= 0 && length > maxLength)
        {
            Add(path, "maxLength", Int(maxLength), Quote(value), $"{path} has {length} characters; at most {maxLength} are allowed.");
        }
    }

    /// <summary>Numeric bounds given as decimal text; <see langword="null"/> means no bound.</summary>
    public void Range(string path, double? value, string? minimum, string? maximum, string? exclusiveMinimum = null, string? exclusiveMaximum = null)
    {
        if (value is not { } v)
        {
            return;
        }

        if (double.IsNaN(v) || double.IsInfinity(v))
        {
            Add(path, "type", "a finite number", v.ToString(CultureInfo.InvariantCulture), $"{path} is {v.ToString(CultureInfo.InvariantCulture)}, which JSON cannot carry.");
            return;
        }

        if (minimum is not null && SchemaBound.For(minimum).ValueCompare(v) < 0)
        {
            AddBelow(path, "minimum", minimum, SchemaNumber.FromDouble(v));
        }

        if (maximum is not null && SchemaBound.For(maximum).ValueCompare(v) > 0)
        {
            AddAbove(path, "maximum", maximum, SchemaNumber.FromDouble(v));
        }

        if (exclusiveMinimum is not null && SchemaBound.For(exclusiveMinimum).ValueCompare(v) <= 0)
        {
            AddBelow(path, "exclusiveMinimum", exclusiveMinimum, SchemaNumber.FromDouble(v));
        }

        if (exclusiveMaximum is not null && SchemaBound.For(exclusiveMaximum).ValueCompare(v) >= 0)
        {
            AddAbove(path, "exclusiveMaximum", exclusiveMaximum, SchemaNumber.FromDouble(v));
        }
    }

    /// <summary>Numeric bounds given as decimal text; <see langword="null"/> means no bound.</summary>
    public void Range(string path, long? value, string? minimum, string? maximum, string? exclusiveMinimum = null, string? exclusiveMaximum = null)
    {
        if (value is not { } v)
        {
            return;
        }

        if (minimum is not null && SchemaBound.For(minimum).ValueCompare(v) < 0)
        {
            AddBelow(path, "minimum", minimum, SchemaNumber.FromInt64(v));
        }

        if (maximum is not null && SchemaBound.For(maximum).ValueCompare(v) > 0)
        {
            AddAbove(path, "maximum", maximum, SchemaNumber.FromInt64(v));
        }

        if (exclusiveMinimum is not null && SchemaBound.For(exclusiveMinimum).ValueCompare(v) <= 0)
        {
            AddBelow(path, "exclusiveMinimum", exclusiveMinimum, SchemaNumber.FromInt64(v));
        }

        if (exclusiveMaximum is not null && SchemaBound.For(exclusiveMaximum).ValueCompare(v) >= 0)
        {
            AddAbove(path, "exclusiveMaximum", exclusiveMaximum, SchemaNumber.FromInt64(v));
        }
    }

    /// <summary>The value must be an integer multiple of the step given as decimal text.</summary>
    public void MultipleOf(string path, double? value, string step)
    {
        if (value is { } v && !double.IsNaN(v) && !double.IsInfinity(v) && !SchemaBound.For(step).IsMultipleOf(v))
        {
            AddOffStep(path, SchemaNumber.FromDouble(v), step);
        }
    }

    /// <summary>The value must be an integer multiple of the step given as decimal text.</summary>
    public void MultipleOf(string path, long? value, string step)
    {
        if (value is { } v && !SchemaBound.For(step).IsMultipleOf(v))
        {
            AddOffStep(path, SchemaNumber.FromInt64(v), step);
        }
    }

    /// <summary>The string must be made of Unicode scalar values (no lone surrogate): JSON cannot carry one.</summary>
    public void ScalarValues(string path, string? value)
    {
        if (value is not null && !SchemaText.IsScalarValues(value))
        {
            AddLoneSurrogate(path, value);
        }
    }

    private void AddLoneSurrogate(string path, string value) =>
        Add(path, "unicode", "Unicode scalar values", Quote(value), $"{path} holds a lone UTF-16 surrogate, which JSON text cannot carry.");

    /// <summary>The value must be an absolute http or https URI.</summary>
    public void Uri(string path, string? value)
    {
        if (value is not null && !SchemaText.IsHttpUri(value))
        {
            Add(path, "format", "an absolute http or https URI", Quote(value), $"{path} is {Quote(value)}, which is not an absolute http or https URI.");
        }
    }

    /// <summary>The string must be one of the allowed wire values.</summary>
    public void OneOf(string path, string? value, params string[] allowed)
    {
        if (value is null)
        {
            return;
        }

        foreach (var candidate in allowed)
        {
            if (string.Equals(candidate, value, StringComparison.Ordinal))
            {
                return;
            }
        }

        var expected = string.Join(", ", allowed);
        Add(path, "enum", expected, Quote(value), $"{path} is {Quote(value)}; allowed values are {expected}.");
    }

    /// <summary>An enum member must be one the schema defines (a cast can make any number an enum value).</summary>
    public void DefinedEnum(string path, bool isDefined, object? value, string allowed)
    {
        if (value is not null && !isDefined)
        {
            var text = Convert.ToString(value, CultureInfo.InvariantCulture);
            Add(path, "enum", allowed, text, $"{path} is {text}, which is not one of {allowed}.");
        }
    }

    /// <summary><c>minItems</c>/<c>maxItems</c>; -1 means no bound.</summary>
    public void Items(string path, int? count, int minItems, int maxItems)
    {
        if (count is not { } n)
        {
            return;
        }

        if (minItems >= 0 && n < minItems)
        {
            Add(path, "minItems", Int(minItems), Int(n), $"{path} has {n} items; at least {minItems} are required.");
        }

        if (maxItems >= 0 && n > maxItems)
        {
            Add(path, "maxItems", Int(maxItems), Int(n), $"{path} has {n} items; at most {maxItems} are allowed.");
        }
    }

    private void AddBelow(string path, string constraint, string bound, SchemaNumber number) =>
        Add(path, constraint, bound, number.ToString(), constraint == "minimum"
            ? $"{path} is {number}, below the minimum {bound}."
            : $"{path} is {number}; it must be greater than {bound}.");

    private void AddAbove(string path, string constraint, string bound, SchemaNumber number) =>
        Add(path, constraint, bound, number.ToString(), constraint == "maximum"
            ? $"{path} is {number}, above the maximum {bound}."
            : $"{path} is {number}; it must be less than {bound}.");

    private void AddOffStep(string path, SchemaNumber number, string step) =>
        Add(path, "multipleOf", step, number.ToString(), $"{path} is {number}, which is not a multiple of {step}.");

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Quote(string value) =>
        value.Length <= 80 ? "\"" + value + "\"" : "\"" + value.Substring(0, 77) + "...\"";
}
