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
}
