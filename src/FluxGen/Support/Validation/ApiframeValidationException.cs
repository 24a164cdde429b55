using System;
using System.Collections.Generic;
using System.Linq;

namespace Apiframe.Validation;

/// <summary>Thrown before any byte is sent when a request breaks its model's schema; lists every violation.</summary>
public sealed class ApiframeValidationException : Exception
{
    /// <summary>Creates the exception from the violations found.</summary>
    public ApiframeValidationException(IReadOnlyList<ApiframeValidationError> errors)
        : base(BuildMessage(errors))
    {
        Errors = errors;
    }

    /// <summary>Every violation found, in the order of the schema's members.</summary>
    public IReadOnlyList<ApiframeValidationError> Errors { get; }

    private static string BuildMessage(IReadOnlyList<ApiframeValidationError> errors) =>
        errors.Count == 1
            ? "The request breaks its schema: " + errors[0].Message
            : $"The request breaks its schema in {errors.Count} places: " + string.Join(" ", errors.Select(e => e.Message));
}
