using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace FluxGen.Schema.Model;

/// <summary>A place in a schema file as plain data; a <see cref="Location"/> is made only when a diagnostic is reported.</summary>
internal sealed record SourceSpan(string FilePath, TextSpan Span, LinePositionSpan LineSpan)
{
    public Location ToLocation() => Location.Create(FilePath, Span, LineSpan);
}

/// <summary>A diagnostic as plain data (descriptor id, place, message arguments), so pipeline values never hold a
/// Location or a Diagnostic and stay comparable between runs.</summary>
internal sealed record DiagnosticInfo(string DescriptorId, SourceSpan Location, EquatableArray<string> Arguments)
{
    public Diagnostic ToDiagnostic()
    {
        var arguments = new object[Arguments.Count];
        for (var i = 0; i < arguments.Length; i++)
        {
            arguments[i] = Arguments[i];
        }

        return Diagnostic.Create(Descriptors.SchemaDescriptorById(DescriptorId), Location.ToLocation(), arguments);
    }
}
