namespace Apiframe.Validation;

public sealed partial class ValidationErrors
{
    /// <summary>JSON Schema <c>dependentRequired</c>: when the member at <paramref name="dependentPath"/> is set, the
    /// member at <paramref name="requiredPath"/> must be set too. The violation is reported at the missing member's
    /// path, as a plain <c>required</c> violation is, and names the member that needs it.</summary>
    public void DependentRequired(string dependentPath, bool dependentIsSet, string requiredPath, bool requiredIsSet)
    {
        if (dependentIsSet && !requiredIsSet)
        {
            Add(requiredPath, "dependentRequired", "a value, because " + dependentPath + " is set", null,
                $"{requiredPath} is required when {dependentPath} is set.");
        }
    }

    /// <summary>A rule the API states in words: while the member at <paramref name="dependentPath"/> has the value
    /// <paramref name="value"/> (<paramref name="holds"/>, which counts an unset member whose default is that value), the
    /// member at <paramref name="requiredPath"/> must be set. Reported at the missing member's path.</summary>
    public void RequiredWhen(string dependentPath, string value, bool holds, string requiredPath, bool requiredIsSet)
    {
        if (holds && !requiredIsSet)
        {
            Add(requiredPath, "dependentRequired", "a value, because " + dependentPath + " is " + value, null,
                $"{requiredPath} is required when {dependentPath} is '{value}'.");
        }
    }
}
