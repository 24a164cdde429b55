using FluxGen.Schema;
using FluxGen.Schema.Model;

namespace FluxGen.Emit;

// The records of document bodies that are not models: actions on a job, and the bodies of the client's own calls.
internal static partial class RecordEmitter
{
    private static string OperationSummary(ModelSpec model, OperationSpec operation) => operation.Kind == OperationKind.Action
        ? $"The {operation.Action} action on a completed {model.RequestModelId} job."
        : $"The body of ApiframeClient.{operation.ClientMethod}.";

    private static string OperationRemarks(ModelSpec model, OperationSpec operation) => operation.Kind switch
    {
        OperationKind.Action =>
            $"Posted to <c>{Literals.Xml(model.Endpoint)}</c> with <c>action</c> <c>{Literals.Xml(operation.Action!)}</c>; submit it with " +
            "<see cref=\"global::Apiframe.ApiframeClient.SubmitAsync\"/> or <c>GenerateAsync</c> like a model's request.",
        OperationKind.FormCall =>
            $"Posted to <c>{Literals.Xml(model.Endpoint)}</c> as <c>multipart/form-data</c> by <c>client.{operation.ClientMethod}(request)</c>.",
        _ => $"Posted to <c>{Literals.Xml(model.Endpoint)}</c> by <c>client.{operation.ClientMethod}(request)</c>.",
    };

    /// <summary>A form body's writer: each set member as a field (numbers in invariant text, enums as their wire
    /// strings, each item of a list as a field of the same name) and each file as a file part.</summary>
    private static void WriteFormWriter(CodeWriter writer, ObjectSpec type, string ns)
    {
        writer.Line("/// <summary>Adds each set member to <paramref name=\"form\"/>: values as fields, files as file parts.</summary>");
        writer.Line("/// <param name=\"form\">The <c>multipart/form-data</c> body being built.</param>");
        writer.Open("public void WriteTo(global::Apiframe.ApiframeForm form)");
        writer.Line("if (form is null) throw new global::System.ArgumentNullException(nameof(form));");
        foreach (var property in type.Properties)
        {
            var name = Literals.String(property.JsonName);
            if (property.Value.Const is { } constant)
            {
                writer.Line($"form.Add({name}, {Literals.String(constant)});");
                continue;
            }

            var local = TypeNames.Local(property);
            writer.Open($"if (this.{property.ClrName} is {{ }} {local})");
            if (property.Value.Kind == ValueKind.Array)
            {
                writer.Open($"for (var i = 0; i < {local}.Count; i++)");
                writer.Line($"form.Add({name}, {FormValue(property.Value.Items!, $"{local}[i]", ns)});");
                writer.Close();
            }
            else
            {
                writer.Line($"form.Add({name}, {FormValue(property.Value, local, ns)});");
            }

            writer.Close();
        }

        writer.Close();
        writer.Line();
    }

    private static string FormValue(ValueSpec value, string local, string ns) => value.Kind switch
    {
        ValueKind.Integer => $"{local}.ToString(global::System.Globalization.CultureInfo.InvariantCulture)",
        ValueKind.Number => $"{local}.ToString(\"R\", global::System.Globalization.CultureInfo.InvariantCulture)",
        ValueKind.Boolean => $"{local} ? \"true\" : \"false\"",
        ValueKind.Enum => $"{EnumType(value, ns)}Extensions.ToWireValue({local})",
        ValueKind.Object => $"{local}.ToJson()",
        ValueKind.Json => $"{local}.GetRawText()",
        _ => local,
    };

    /// <summary>
    /// The client method of a call's record, as an extension of <c>ApiframeClient</c> written beside the record.
    /// </summary>
    /// <remarks>
    /// Why an extension here and not a method in the client's runtime: the client compiles in projects that never
    /// name this record (it is written only when named), and may live in a referenced library while the record is
    /// written in the application. The extension takes the record by its own type, as the API reads, and hands the
    /// client two delegates (check, write) to the record's own generated methods: no reflection, so AOT- and
    /// trim-safe, and no interface the core would have to carry for a type the client alone uses.
    /// </remarks>
    public static string EmitCall(ModelSpec model, string ns, string version, Visibility visibility)
    {
        var operation = model.Operation!;
        var type = model.Request.TypeName;
        var writer = new CodeWriter();
        Header.Write(writer);
        writer.Open($"namespace {ns}");
        writer.Line($"/// <summary>Sends <see cref=\"{type}\"/> with an <see cref=\"global::Apiframe.ApiframeClient\"/>.</summary>");
        writer.Line($"[global::System.CodeDom.Compiler.GeneratedCode(\"FluxGen\", \"{version}\")]");
        visibility.WriteAttribute(writer);
        writer.Open($"{visibility.Keyword} static class {type}ClientExtensions");
        writer.Line($"/// <summary>Validates <paramref name=\"request\"/> (unless <c>ValidateRequests</c> is off), then posts it to <c>{Literals.Xml(model.Endpoint)}</c>");
        writer.Line("/// through the client's pipeline: the key only to the API's origin, retries with the same idempotency key, logs, traces and size caps.</summary>");
        writer.Line("/// <param name=\"client\">The client that sends it.</param>");
        writer.Line("/// <param name=\"request\">The request.</param>");
        writer.Line("/// <param name=\"idempotencyKey\">Your key (at most 255 printable ASCII characters); a new GUID when <see langword=\"null\"/>.</param>");
        writer.Line("/// <param name=\"cancellationToken\">Stops the call.</param>");
        writer.Line($"/// <returns>{(operation.Kind == OperationKind.FormCall ? "The new LoRA as the server answered it." : "The id the server gave.")}</returns>");
        writer.Line("/// <exception cref=\"global::Apiframe.Validation.ApiframeValidationException\">The request breaks its schema; nothing was sent.</exception>");
        writer.Line("/// <exception cref=\"global::Apiframe.ApiframeException\">The server refused the request or could not be reached.</exception>");
        writer.Line($"public static global::System.Threading.Tasks.Task<{operation.ClientResult}> {operation.ClientMethod}(");
        writer.Indent();
        writer.Line("this global::Apiframe.ApiframeClient client,");
        writer.Line($"global::{ns}.{type} request,");
        writer.Line("string? idempotencyKey = null,");
        writer.Line("global::System.Threading.CancellationToken cancellationToken = default)");
        writer.Outdent();
        writer.Line("{").Indent();
        writer.Line("if (client is null) throw new global::System.ArgumentNullException(nameof(client));");
        writer.Line("if (request is null) throw new global::System.ArgumentNullException(nameof(request));");
        writer.Line($"return client.Send{operation.ClientMethod}(request.Validate, request.WriteTo, idempotencyKey, cancellationToken);");
        writer.Close();
        writer.Close();
        writer.Close();
        return writer.Finish();
    }
}
