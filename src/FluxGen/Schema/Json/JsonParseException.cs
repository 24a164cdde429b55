using System;

namespace FluxGen.Schema.Json;

/// <summary>Malformed JSON, with the offset of the first character that cannot be read.</summary>
internal sealed class JsonParseException : Exception
{
    public JsonParseException(string message, int position)
        : base(message) => Position = position;

    public int Position { get; }
}
