using System.Collections.Generic;

namespace FluxGen.Schema.Json;

/// <summary>A parsed JSON value with the span of text it came from, so every schema problem can point at its line.</summary>
internal abstract class JsonNode
{
    protected JsonNode(int start, int end)
    {
        Start = start;
        End = end;
    }

    public int Start { get; }

    public int End { get; }

    /// <summary>The JSON type name used in messages: object, array, string, number, boolean, null.</summary>
    public abstract string Kind { get; }
}

internal sealed class JsonObject : JsonNode
{
    public JsonObject(int start, int end, IReadOnlyList<JsonMember> members)
        : base(start, end) => Members = members;

    public IReadOnlyList<JsonMember> Members { get; }

    public override string Kind => "object";

    public JsonMember? Find(string name)
    {
        // Indexed, not foreach: called for every keyword of every schema, and an interface enumerator would be
        // allocated on each call (a measurable share of reading a 380 KB OpenAPI document).
        var members = Members;
        for (var i = 0; i < members.Count; i++)
        {
            if (members[i].Name == name)
            {
                return members[i];
            }
        }

        return null;
    }
}

/// <summary>One <c>"name": value</c> pair; <see cref="NameStart"/> lets a diagnostic underline the key itself.</summary>
internal sealed class JsonMember
{
    public JsonMember(string name, int nameStart, int nameEnd, JsonNode value)
    {
        Name = name;
        NameStart = nameStart;
        NameEnd = nameEnd;
        Value = value;
    }

    public string Name { get; }

    public int NameStart { get; }

    public int NameEnd { get; }

    public JsonNode Value { get; }
}

internal sealed class JsonArray : JsonNode
{
    public JsonArray(int start, int end, IReadOnlyList<JsonNode> items)
        : base(start, end) => Items = items;

    public IReadOnlyList<JsonNode> Items { get; }

    public override string Kind => "array";
}

internal sealed class JsonString : JsonNode
{
    public JsonString(int start, int end, string value)
        : base(start, end) => Value = value;

    public string Value { get; }

    public override string Kind => "string";
}

/// <summary>A number kept as its source text: schema bounds must not pass through binary floating point.</summary>
internal sealed class JsonNumber : JsonNode
{
    public JsonNumber(int start, int end, string text)
        : base(start, end) => Text = text;

    public string Text { get; }

    public override string Kind => "number";
}

internal sealed class JsonBoolean : JsonNode
{
    public JsonBoolean(int start, int end, bool value)
        : base(start, end) => Value = value;

    public bool Value { get; }

    public override string Kind => "boolean";
}

internal sealed class JsonNull : JsonNode
{
    public JsonNull(int start, int end)
        : base(start, end)
    {
    }

    public override string Kind => "null";
}
