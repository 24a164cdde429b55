using System.Text.Json;

namespace FluxGen.Emulator.Schemas;

/// <summary>
/// Reads a request body once, token by token, before anything else looks at it, and names the first way its bytes
/// are not a JSON text this server will act on: malformed JSON or UTF-8, a lone surrogate escape (JSON text is
/// Unicode, and <see cref="JsonElement.GetString"/> would throw on it later), nesting deeper than
/// <see cref="MaxDepth"/>, or a key repeated in one object (which value counts would be a guess).
/// </summary>
internal static class JsonBodyCheck
{
    public const int MaxDepth = 64;

    /// <summary>The problem, in words for the <c>error</c> field, or <see langword="null"/> when the body is fine.</summary>
    public static string? FindProblem(ReadOnlySpan<byte> body)
    {
        var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = MaxDepth });
        var names = new Stack<HashSet<string>>();
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject:
                        names.Push(new HashSet<string>(StringComparer.Ordinal));
                        break;
                    case JsonTokenType.EndObject:
                        names.Pop();
                        break;
                    case JsonTokenType.PropertyName:
                        if (Decode(ref reader) is not { } name)
                        {
                            return "A property name is not Unicode text: it holds invalid UTF-8 bytes or a lone surrogate escape such as \\ud800.";
                        }

                        if (!names.Peek().Add(name))
                        {
                            return $"The property \"{name}\" appears more than once in one object.";
                        }

                        break;
                    case JsonTokenType.String when Decode(ref reader) is null:
                        return "A string is not Unicode text: it holds invalid UTF-8 bytes or a lone surrogate escape such as \\ud800.";
                }
            }
        }
        catch (JsonException exception)
        {
            return reader.CurrentDepth >= MaxDepth - 1
                ? $"Body is nested deeper than {MaxDepth} levels."
                : "Body is not valid JSON: " + exception.Message;
        }

        return null;
    }

    private static string? Decode(ref Utf8JsonReader reader)
    {
        try
        {
            return reader.GetString();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }
}
