using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Threading;

namespace FluxGen.Schema.Json;

/// <summary>
/// A strict RFC 8259 reader that keeps each value's position. The generator cannot count on System.Text.Json
/// being loadable in every compiler host, and it needs source spans that a DOM would drop.
/// </summary>
internal sealed class JsonParser
{
    /// <summary>Deeper documents are refused instead of risking the compiler's stack.</summary>
    public const int MaxDepth = 64;

    private readonly string _text;
    private readonly CancellationToken _cancellationToken;
    private int _position;

    // Member names repeat all through a schema ("type", "description", "minimum"): each distinct one is kept once
    // per read instead of a copy per object. A small direct-mapped table; a clash only costs a new string.
    private readonly string?[] _names = new string?[512];

    private JsonParser(string text, CancellationToken cancellationToken)
    {
        _text = text;
        _cancellationToken = cancellationToken;
    }

    /// <summary>Parses a whole document; throws <see cref="JsonParseException"/> at the first problem.</summary>
    public static JsonNode Parse(string text, CancellationToken cancellationToken = default)
    {
        var parser = new JsonParser(text, cancellationToken);
        parser.SkipWhiteSpace();
        var root = parser.ReadValue(0);
        parser.SkipWhiteSpace();
        if (parser._position < text.Length)
        {
            throw new JsonParseException("Unexpected text after the end of the JSON document.", parser._position);
        }

        return root;
    }

    private JsonNode ReadValue(int depth)
    {
        if (_position >= _text.Length)
        {
            throw new JsonParseException("The JSON document ends where a value was expected.", _position);
        }

        switch (_text[_position])
        {
            case '{':
                return ReadObject(depth + 1);
            case '[':
                return ReadArray(depth + 1);
            case '"':
                var start = _position;
                var value = ReadString();
                return new JsonString(start, _position, value);
            case 't':
                return ReadLiteral("true", p => new JsonBoolean(p, p + 4, true));
            case 'f':
                return ReadLiteral("false", p => new JsonBoolean(p, p + 5, false));
            case 'n':
                return ReadLiteral("null", p => new JsonNull(p, p + 4));
            default:
                var c = _text[_position];
                if (c == '-' || (c >= '0' && c <= '9'))
                {
                    return ReadNumber();
                }

                throw new JsonParseException($"Unexpected character '{Printable(c)}' where a value was expected.", _position);
        }
    }

    // A schema object has a handful of members, and a document tens of thousands of objects: a hash set per object
    // was a fifth of what reading the vendor's document allocated. Past a few members one is made after all.
    private static bool IsNewName(List<JsonMember> members, ref HashSet<string>? names, string name)
    {
        const int ScannedMembers = 8;
        if (names is null)
        {
            if (members.Count < ScannedMembers)
            {
                foreach (var member in members)
                {
                    if (string.Equals(member.Name, name, StringComparison.Ordinal))
                    {
                        return false;
                    }
                }

                return true;
            }

            names = new HashSet<string>(StringComparer.Ordinal);
            foreach (var member in members)
            {
                names.Add(member.Name);
            }
        }

        return names.Add(name);
    }

    private JsonObject ReadObject(int depth)
    {
        CheckDepth(depth);
        var start = _position++;
        var members = new List<JsonMember>();
        HashSet<string>? names = null;
        SkipWhiteSpace();
        if (Peek() == '}')
        {
            _position++;
            return new JsonObject(start, _position, members);
        }

        while (true)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            SkipWhiteSpace();
            if (Peek() != '"')
            {
                throw new JsonParseException("Expected a property name in double quotes.", _position);
            }

            var nameStart = _position;
            var name = ReadName();
            var nameEnd = _position;
            if (!IsNewName(members, ref names, name))
            {
                throw new JsonParseException($"The property name \"{name}\" appears twice in one object.", nameStart);
            }

            SkipWhiteSpace();
            Expect(':', "Expected ':' after a property name.");
            SkipWhiteSpace();
            var value = ReadValue(depth);
            members.Add(new JsonMember(name, nameStart, nameEnd, value));
            SkipWhiteSpace();
            var next = Peek();
            _position++;
            if (next == '}')
            {
                return new JsonObject(start, _position, members);
            }

            if (next != ',')
            {
                throw new JsonParseException("Expected ',' or '}' after a property value.", _position - 1);
            }
        }
    }

    private JsonArray ReadArray(int depth)
    {
        CheckDepth(depth);
        var start = _position++;
        var items = new List<JsonNode>();
        SkipWhiteSpace();
        if (Peek() == ']')
        {
            _position++;
            return new JsonArray(start, _position, items);
        }

        while (true)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            SkipWhiteSpace();
            items.Add(ReadValue(depth));
            SkipWhiteSpace();
            var next = Peek();
            _position++;
            if (next == ']')
            {
                return new JsonArray(start, _position, items);
            }

            if (next != ',')
            {
                throw new JsonParseException("Expected ',' or ']' after an array item.", _position - 1);
            }
        }
    }

    /// <summary>A member name: the same string as an earlier equal name when the table still has it.</summary>
    private string ReadName()
    {
        var start = _position + 1;
        var hash = 17;
        for (var end = start; end < _text.Length; end++)
        {
            var c = _text[end];
            if (c == '"')
            {
                var length = end - start;
                var slot = (hash & 0x7FFFFFFF) % _names.Length;
                var known = _names[slot];
                if (known is not null && known.Length == length && string.CompareOrdinal(_text, start, known, 0, length) == 0)
                {
                    _position = end + 1;
                    return known;
                }

                var name = _text.Substring(start, length);
                _names[slot] = name;
                _position = end + 1;
                return name;
            }

            if (c == '\\' || c < 0x20)
            {
                break;
            }

            hash = unchecked((hash * 31) + c);
        }

        // Escapes, control characters and a name left open take the full reader, with its errors.
        return ReadString();
    }

    private string ReadString()
    {
        var open = _position++;
        StringBuilder? builder = null;
        var runStart = _position;
        while (true)
        {
            if (_position >= _text.Length)
            {
                throw new JsonParseException("A string is not closed before the end of the file.", open);
            }

            var c = _text[_position];
            if (c == '"')
            {
                var tail = _text.Substring(runStart, _position - runStart);
                _position++;
                return builder is null ? tail : builder.Append(tail).ToString();
            }

            if (c < 0x20)
            {
                throw new JsonParseException("A control character must be escaped inside a string.", _position);
            }

            if (c != '\\')
            {
                _position++;
                continue;
            }

            builder ??= new StringBuilder();
            builder.Append(_text, runStart, _position - runStart);
            _position++;
            if (_position >= _text.Length)
            {
                throw new JsonParseException("A string is not closed before the end of the file.", open);
            }

            var escape = _text[_position++];
            switch (escape)
            {
                case '"': builder.Append('"'); break;
                case '\\': builder.Append('\\'); break;
                case '/': builder.Append('/'); break;
                case 'b': builder.Append('\b'); break;
                case 'f': builder.Append('\f'); break;
                case 'n': builder.Append('\n'); break;
                case 'r': builder.Append('\r'); break;
                case 't': builder.Append('\t'); break;
                case 'u':
                    if (_position + 4 > _text.Length
                        || !int.TryParse(_text.Substring(_position, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
                    {
                        throw new JsonParseException("\\u must be followed by four hex digits.", _position - 2);
                    }

                    builder.Append((char)code);
                    _position += 4;
                    break;
                default:
                    throw new JsonParseException($"'\\{Printable(escape)}' is not a JSON escape.", _position - 2);
            }

            runStart = _position;
        }
    }

    private JsonNumber ReadNumber()
    {
        var start = _position;
        if (Peek() == '-')
        {
            _position++;
        }

        if (Peek() == '0')
        {
            _position++;
        }
        else if (!ReadDigits())
        {
            throw new JsonParseException("A number needs digits.", _position);
        }

        if (Peek() == '.')
        {
            _position++;
            if (!ReadDigits())
            {
                throw new JsonParseException("A decimal point must be followed by digits.", _position);
            }
        }

        if (Peek() == 'e' || Peek() == 'E')
        {
            _position++;
            if (Peek() == '+' || Peek() == '-')
            {
                _position++;
            }

            if (!ReadDigits())
            {
                throw new JsonParseException("An exponent needs digits.", _position);
            }
        }

        return new JsonNumber(start, _position, _text.Substring(start, _position - start));
    }

    private bool ReadDigits()
    {
        var start = _position;
        while (_position < _text.Length && _text[_position] >= '0' && _text[_position] <= '9')
        {
            _position++;
        }

        return _position > start;
    }

    private JsonNode ReadLiteral(string literal, System.Func<int, JsonNode> create)
    {
        if (string.CompareOrdinal(_text, _position, literal, 0, literal.Length) != 0)
        {
            throw new JsonParseException($"Unexpected character '{Printable(_text[_position])}' where a value was expected.", _position);
        }

        var node = create(_position);
        _position += literal.Length;
        return node;
    }

    private void CheckDepth(int depth)
    {
        if (depth > MaxDepth)
        {
            throw new JsonParseException($"The document nests deeper than {MaxDepth} levels.", _position);
        }
    }

    private void Expect(char expected, string message)
    {
        if (Peek() != expected)
        {
            throw new JsonParseException(message, _position);
        }

        _position++;
    }

    private char Peek() => _position < _text.Length ? _text[_position] : '\0';

    private void SkipWhiteSpace()
    {
        while (_position < _text.Length)
        {
            var c = _text[_position];
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
            {
                return;
            }

            _position++;
        }
    }

    private static string Printable(char c) => c < 0x20 ? "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture) : c.ToString();
}
