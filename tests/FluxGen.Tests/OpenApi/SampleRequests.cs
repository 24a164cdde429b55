using System.Collections;
using System.Reflection;

namespace FluxGen.Tests.OpenApi;

/// <summary>
/// Builds the smallest valid request of any generated request type by reflection, from the constraint attributes the
/// generator put on its constructor parameters: required members only, each at a value its schema allows. Shared by
/// the in-memory tests and the emulator tests so every model of the document is exercised the same way.
/// </summary>
public static class SampleRequests
{
    public const string ImageUrl = "https://example.com/input.png";

    /// <summary>Every generated request type in an assembly (the ones implementing <c>IApiframeRequest</c>).</summary>
    public static IReadOnlyList<Type> RequestTypes(Assembly assembly) =>
        assembly.GetTypes()
            // A generated request has its model as a static ModelInfo; other requests (the AI light-up's own) do not.
            // An action (MidjourneyUpsampleRequest) is a request too, but acts on a job rather than being a model.
            .Where(t => t.GetInterfaces().Any(i => i.Name == "IApiframeRequest")
                && t.GetProperty("ModelInfo", BindingFlags.Public | BindingFlags.Static) is not null
                && !Endpoint(t).EndsWith("/action", StringComparison.Ordinal))
            .OrderBy(t => t.Name, StringComparer.Ordinal)
            .ToList();

    public static object Build(Type type)
    {
        var constructor = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First();
        var arguments = constructor.GetParameters().Select(p => Value(p.ParameterType, p.GetCustomAttributes())).ToArray();
        return constructor.Invoke(arguments);
    }

    public static string ModelId(Type requestType) => (string)Info(requestType).GetType().GetProperty("Id")!.GetValue(Info(requestType))!;

    public static string Endpoint(Type requestType) => (string)Info(requestType).GetType().GetProperty("Endpoint")!.GetValue(Info(requestType))!;

    private static object Info(Type requestType) => requestType.GetProperty("ModelInfo", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;

    private static object? Value(Type type, IEnumerable<Attribute> attributes)
    {
        var list = attributes.ToList();
        type = Nullable.GetUnderlyingType(type) ?? type;
        string? Named(string attribute, string property) =>
            list.FirstOrDefault(a => a.GetType().Name == attribute)?.GetType().GetProperty(property)?.GetValue(list.First(a => a.GetType().Name == attribute))?.ToString();
        var allowed = list.FirstOrDefault(a => a.GetType().Name == "SchemaAllowedValuesAttribute")?.GetType().GetProperty("Values")!.GetValue(list.First(a => a.GetType().Name == "SchemaAllowedValuesAttribute")) as string[];

        if (type == typeof(string))
        {
            if (allowed is { Length: > 0 })
            {
                return allowed[0];
            }

            return (Named("SchemaFormatAttribute", "Format"), Named("SchemaPatternAttribute", "Pattern")) switch
            {
                ("uri", _) => ImageUrl,
                ("uuid", _) => "3f2b6c1e-8d4a-4b7e-9c2d-1a5e7f9b0c3d",
                (_, @"^\d+:\d+$") => "16:9",
                (_, { } pattern) => throw new NotSupportedException($"No sample for pattern {pattern}"),
                _ => "a red umbrella in the rain",
            };
        }

        if (type == typeof(double) || type == typeof(int) || type == typeof(long))
        {
            var text = allowed is { Length: > 0 } ? allowed[0]
                : Named("SchemaRangeAttribute", "Minimum") ?? (Named("SchemaRangeAttribute", "ExclusiveMinimum") is { } ex ? (decimal.Parse(ex, System.Globalization.CultureInfo.InvariantCulture) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) : "1");
            return Convert.ChangeType(decimal.Parse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture), type, System.Globalization.CultureInfo.InvariantCulture);
        }

        if (type == typeof(bool))
        {
            return false;
        }

        if (type.IsEnum)
        {
            return Enum.GetValues(type).GetValue(0);
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>))
        {
            var itemType = type.GetGenericArguments()[0];
            var count = int.TryParse(Named("SchemaItemsAttribute", "MinItems"), out var min) && min > 0 ? min : 1;
            var array = Array.CreateInstance(itemType, count);
            for (var i = 0; i < count; i++)
            {
                // Item constraints are not attributes; the document's string items are image or media URLs.
                array.SetValue(itemType == typeof(string) ? ImageUrl : Value(itemType, Array.Empty<Attribute>()), i);
            }

            return array;
        }

        if (type.GetMethod("WriteTo") is not null)
        {
            return Build(type);
        }

        throw new NotSupportedException($"No sample for {type}");
    }
}
