using System.Runtime.CompilerServices;
using System.Text;

namespace FluxGen.Emit;

/// <summary>A StringBuilder that keeps indentation, so emitters read like the code they write.</summary>
internal sealed class CodeWriter
{
    // Every model of a document is about 600 files: a fresh builder per file grew chunk by chunk, and that growth
    // (with the collections it caused) was most of the emitters' time. One builder per thread is reused instead.
    private const int KeptCapacity = 256 * 1024;

    [System.ThreadStatic]
    private static StringBuilder? t_spare;

    private StringBuilder? _builder;
    private int _indent;

    // Set between StartLine and the end of that line: parts written then go on the same line, unindented.
    private bool _lineOpen;

    public CodeWriter()
    {
        _builder = t_spare ?? new StringBuilder(32 * 1024);
        t_spare = null;
        _builder.Clear();
    }

    private StringBuilder Builder => _builder ?? throw new System.InvalidOperationException("The writer's text was already taken.");

    public CodeWriter Line(string text = "")
    {
        if (text.Length > 0 && !_lineOpen)
        {
            Builder.Append(' ', _indent * 4);
        }

        Builder.Append(text).Append('\n');
        _lineOpen = false;
        return this;
    }

    /// <summary>Starts a line whose parts are chosen as it is written (<see cref="Append(string)"/>, the open
    /// <see cref="Text"/>); the next <c>Line</c> call or <see cref="EndLine"/> ends it. Doc remarks and attribute
    /// lists were built as strings, joined and copied again before: a third of what the emitters allocated.</summary>
    public CodeWriter StartLine()
    {
        Builder.Append(' ', _indent * 4);
        _lineOpen = true;
        return this;
    }

    /// <summary>The open line's text, for parts appended straight to it; only between <see cref="StartLine"/> and
    /// the end of the line.</summary>
    public StringBuilder Text => _lineOpen ? Builder : throw new System.InvalidOperationException("No line is open.");

    public CodeWriter Append(string text)
    {
        Text.Append(text);
        return this;
    }

    /// <summary>Appends an interpolated part to the open line.</summary>
    /// <param name="part">The part, appended as the compiler lowers it.</param>
    public CodeWriter Append([InterpolatedStringHandlerArgument("")] ref LineHandler part) => this;

    public CodeWriter EndLine()
    {
        Text.Append('\n');
        _lineOpen = false;
        return this;
    }

    /// <summary>Writes an interpolated line straight into the file's text: every model of a document is thousands of
    /// such lines, and building each as a string first was most of what the emitters allocated.</summary>
    /// <param name="line">The line, appended as the compiler lowers its parts.</param>
    public CodeWriter Line([InterpolatedStringHandlerArgument("")] ref LineHandler line)
    {
        Builder.Append('\n');
        _lineOpen = false;
        return this;
    }

    /// <summary>Writes an interpolated line and opens a block under it.</summary>
    /// <param name="line">The line, appended as the compiler lowers its parts.</param>
    public CodeWriter Open([InterpolatedStringHandlerArgument("")] ref LineHandler line)
    {
        Builder.Append('\n');
        _lineOpen = false;
        Line("{");
        _indent++;
        return this;
    }

    public CodeWriter Open(string text)
    {
        Line(text);
        Line("{");
        _indent++;
        return this;
    }

    public CodeWriter Close(string suffix = "")
    {
        _indent--;
        return Line("}" + suffix);
    }

    public CodeWriter Indent()
    {
        _indent++;
        return this;
    }

    public CodeWriter Outdent()
    {
        _indent--;
        return this;
    }

    /// <summary>Starts a line: its indentation goes in before its first non-empty part, so an empty line stays empty.</summary>
    private void BeginPart(ref bool started)
    {
        if (!started)
        {
            started = true;
            if (!_lineOpen)
            {
                Builder.Append(' ', _indent * 4);
            }
        }
    }

    /// <summary>Appends the parts of an interpolated line to the writer as they come.</summary>
    [InterpolatedStringHandler]
    public ref struct LineHandler
    {
        private readonly CodeWriter _writer;
        private bool _started;

        public LineHandler(int literalLength, int formattedCount, CodeWriter writer)
        {
            _writer = writer;
            _started = false;
        }

        public void AppendLiteral(string value)
        {
            if (value.Length > 0)
            {
                _writer.BeginPart(ref _started);
                _writer.Builder.Append(value);
            }
        }

        public void AppendFormatted(string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                _writer.BeginPart(ref _started);
                _writer.Builder.Append(value);
            }
        }

        /// <summary>A C# string literal, written without being built as a string first when it needs no escape.</summary>
        public void AppendFormatted(QuotedText value)
        {
            _writer.BeginPart(ref _started);
            Literals.AppendQuoted(_writer.Builder, value.Value);
        }

        public void AppendFormatted<T>(T value) => AppendFormatted(value?.ToString());
    }

    /// <summary>The text written, once: the builder goes back to the thread for the next file.</summary>
    public string Finish()
    {
        var text = Builder.ToString();
        if (_builder!.Capacity <= KeptCapacity)
        {
            t_spare = _builder;
        }

        _builder = null;
        _lineOpen = false;
        return text;
    }
}
