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

    public CodeWriter()
    {
        _builder = t_spare ?? new StringBuilder(32 * 1024);
        t_spare = null;
        _builder.Clear();
    }

    private StringBuilder Builder => _builder ?? throw new System.InvalidOperationException("The writer's text was already taken.");

    public CodeWriter Line(string text = "")
    {
        if (text.Length > 0)
        {
            Builder.Append(' ', _indent * 4);
        }

        Builder.Append(text).Append('\n');
        return this;
    }

    /// <summary>Writes an interpolated line straight into the file's text: every model of a document is thousands of
    /// such lines, and building each as a string first was most of what the emitters allocated.</summary>
    /// <param name="line">The line, appended as the compiler lowers its parts.</param>
    public CodeWriter Line([InterpolatedStringHandlerArgument("")] ref LineHandler line)
    {
        Builder.Append('\n');
        return this;
    }

    /// <summary>Writes an interpolated line and opens a block under it.</summary>
    /// <param name="line">The line, appended as the compiler lowers its parts.</param>
    public CodeWriter Open([InterpolatedStringHandlerArgument("")] ref LineHandler line)
    {
        Builder.Append('\n');
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
            Builder.Append(' ', _indent * 4);
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
        return text;
    }
}
