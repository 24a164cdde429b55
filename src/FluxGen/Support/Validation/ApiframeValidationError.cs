namespace Apiframe.Validation;

/// <summary>One way in which a request breaks its model's schema.</summary>
/// <param name="Path">The JSON path of the offending member, for example <c>fluxParams.output_quality</c>.</param>
/// <param name="Constraint">The schema keyword that is broken, for example <c>maximum</c>.</param>
/// <param name="Expected">What the schema allows, for example <c>100</c>.</param>
/// <param name="Actual">The value found, as text, or <see langword="null"/> when it is missing.</param>
/// <param name="Message">A sentence that says all of the above.</param>
public sealed record ApiframeValidationError(string Path, string Constraint, string Expected, string? Actual, string Message);
