using System.Text;
using FluxGen.Schema.Model;

namespace FluxGen.Emit;

/// <summary>The constraint attributes the analyzers read; one list for a property and its constructor parameter.</summary>
internal static class Attributes
{
    /// <summary>Writes <paramref name="property"/>'s attributes, each on a line of its own or, with
    /// <paramref name="onOpenLine"/>, one after another on the writer's open line (a constructor parameter's).</summary>
    public static void Write(CodeWriter writer, PropertySpec property, bool onOpenLine)
    {
        var value = property.Value;
        var sink = new Sink(writer, onOpenLine);
        var text = sink.Begin("SchemaProperty(");
        Literals.AppendQuoted(text, property.JsonPath);
        sink.End();

        if (value.Minimum is not null || value.Maximum is not null || value.ExclusiveMinimum is not null || value.ExclusiveMaximum is not null)
        {
            text = sink.Begin("SchemaRange(");
            var first = true;
            AppendBound(text, ref first, "Minimum", value.Minimum);
            AppendBound(text, ref first, "Maximum", value.Maximum);
            AppendBound(text, ref first, "ExclusiveMinimum", value.ExclusiveMinimum);
            AppendBound(text, ref first, "ExclusiveMaximum", value.ExclusiveMaximum);
            sink.End();
        }

        if (value.MultipleOf is { } step)
        {
            Literals.AppendQuoted(sink.Begin("SchemaMultipleOf("), step);
            sink.End();
        }

        if (value.AllowedValues.Count > 0)
        {
            text = sink.Begin("SchemaAllowedValues(");
            for (var i = 0; i < value.AllowedValues.Count; i++)
            {
                if (i > 0)
                {
                    text.Append(", ");
                }

                Literals.AppendQuoted(text, value.AllowedValues[i]);
            }

            sink.End();
        }

        if (value.MinLength is not null || value.MaxLength is not null)
        {
            text = sink.Begin("SchemaLength(");
            AppendCounts(text, "MinLength", value.MinLength, "MaxLength", value.MaxLength);
            sink.End();
        }

        if (value.MinItems is not null || value.MaxItems is not null)
        {
            text = sink.Begin("SchemaItems(");
            AppendCounts(text, "MinItems", value.MinItems, "MaxItems", value.MaxItems);
            sink.End();
        }

        if (value.Pattern is { } pattern)
        {
            Literals.AppendQuoted(sink.Begin("SchemaPattern("), pattern);
            sink.End();
        }

        if (value.Format is { } format)
        {
            Literals.AppendQuoted(sink.Begin("SchemaFormat("), format);
            sink.End();
        }
    }

    private static void AppendBound(StringBuilder text, ref bool first, string name, string? bound)
    {
        if (bound is null)
        {
            return;
        }

        if (!first)
        {
            text.Append(", ");
        }

        first = false;
        text.Append(name).Append(" = ");
        Literals.AppendQuoted(text, bound);
    }

    private static void AppendCounts(StringBuilder text, string minName, int? min, string maxName, int? max)
    {
        if (min is { } low)
        {
            text.Append(minName).Append(" = ").Append(low);
        }

        if (max is { } high)
        {
            text.Append(min is null ? string.Empty : ", ").Append(maxName).Append(" = ").Append(high);
        }
    }

    /// <summary>Where each attribute goes: a line of its own, or after the previous one on the open line.</summary>
    private struct Sink
    {
        private readonly CodeWriter _writer;
        private readonly bool _onOpenLine;
        private bool _any;

        public Sink(CodeWriter writer, bool onOpenLine)
        {
            _writer = writer;
            _onOpenLine = onOpenLine;
            _any = false;
        }

        /// <summary>Opens the next attribute, <c>[global::Apiframe.Constraints.Name(</c>, and returns the text to
        /// write its arguments into.</summary>
        public StringBuilder Begin(string nameAndParenthesis)
        {
            if (!_onOpenLine)
            {
                _writer.StartLine();
            }
            else if (_any)
            {
                _writer.Text.Append(' ');
            }

            _any = true;
            return _writer.Text.Append('[').Append(TypeNames.Constraints).Append(nameAndParenthesis);
        }

        public void End()
        {
            _writer.Text.Append(")]");
            if (!_onOpenLine)
            {
                _writer.EndLine();
            }
        }
    }
}
