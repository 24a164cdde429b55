using System.Linq;
using FluxGen.Schema.Model;

namespace FluxGen.Emit;

/// <summary>Writes one generated record: members with their constraint attributes, serializer and validation.</summary>
internal static partial class RecordEmitter
{
    public static string Emit(ModelSpec model, ObjectSpec type, string ns, string version, Visibility visibility)
    {
        var isRequest = type.TypeName == model.Request.TypeName;
        var operation = model.Operation;

        // A model's request and an action are jobs the client submits; a call's body goes through its own method.
        var submitted = isRequest && operation is null or { Kind: OperationKind.Action };
        var writer = new CodeWriter();
        Header.Write(writer);
        writer.Open($"namespace {ns}");

        if (operation is null)
        {
            Docs.Summary(writer, type.Description, isRequest ? $"A request for model {model.ModelId}." : $"The {type.JsonPath} member of a {model.ModelId} request.");
            Docs.Remarks(writer, isRequest
                ? $"The body posted to <c>{Literals.Xml(model.Endpoint)}</c> for model <c>{Literals.Xml(model.ModelId)}</c>{ProviderNote(model)}."
                : $"JSON member <c>{Literals.Xml(type.JsonPath)}</c> of model <c>{Literals.Xml(model.ModelId)}</c>.");
        }
        else
        {
            Docs.Summary(writer, type.Description, OperationSummary(model, operation));
            Docs.Remarks(writer, OperationRemarks(model, operation));
        }

        writer.Line($"[global::System.CodeDom.Compiler.GeneratedCode(\"FluxGen\", \"{version}\")]");
        visibility.WriteAttribute(writer);
        writer.Open($"{visibility.Keyword} sealed partial record {type.TypeName}{(submitted ? " : global::Apiframe.IApiframeRequest" : string.Empty)}");

        WriteNameFields(writer, type, jsonNames: operation is not { Kind: OperationKind.FormCall });
        WriteConstructor(writer, type, ns);
        if (submitted)
        {
            WriteModelInfo(writer, model);
        }

        foreach (var property in type.Properties)
        {
            WriteProperty(writer, property, ns, type);
        }

        if (operation is { Kind: OperationKind.FormCall })
        {
            WriteFormWriter(writer, type, ns);
        }
        else
        {
            WriteSerializer(writer, type, ns);
        }

        WriteValidation(writer, type, ns);

        writer.Close();
        writer.Close();
        return writer.Finish();
    }

    private static string ProviderNote(ModelSpec model)
    {
        var who = string.Join(", ", new[] { model.Provider, model.Modality }.Where(s => !string.IsNullOrEmpty(s)).Select(s => Literals.Xml(s!)));
        var note = who.Length > 0 ? $" ({who})" : string.Empty;
        return note + $"; one generation takes about {model.AverageSeconds} s";
    }

    private static void WriteNameFields(CodeWriter writer, ObjectSpec type, bool jsonNames)
    {
        // A form body names its fields as it adds them; only a JSON body writes encoded names.
        foreach (var property in jsonNames ? type.Properties : EquatableArray<PropertySpec>.Empty)
        {
            writer.Line($"private static readonly {TypeNames.Json}JsonEncodedText {TypeNames.Field(property)} = global::Apiframe.Serialization.ApiframeJsonMembers.Name({Literals.Quote(property.JsonName)});");
        }

        foreach (var property in type.Properties)
        {
            if ((property.Value.Pattern ?? property.Value.Items?.Pattern) is { } pattern)
            {
                writer.Line($"private static readonly global::System.Text.RegularExpressions.Regex {TypeNames.PatternField(property)} = {TypeNames.Validation}SchemaChecks.Pattern({Literals.Quote(pattern)});");
            }
        }

        writer.Line();
    }

    private static void WriteConstructor(CodeWriter writer, ObjectSpec type, string ns)
    {
        var required = type.Properties.Where(IsConstructorParameter).ToArray();
        if (required.Length == 0)
        {
            return;
        }

        writer.Line($"/// <summary>Creates a <see cref=\"{type.TypeName}\"/> with the members the schema requires.</summary>");
        foreach (var property in required)
        {
            writer.Line($"/// <param name=\"{TypeNames.Parameter(property).TrimStart('@')}\">{Literals.Xml(property.Description ?? property.JsonName)}</param>");
        }

        writer.Line($"public {type.TypeName}(");
        writer.Indent();
        for (var i = 0; i < required.Length; i++)
        {
            var property = required[i];
            writer.StartLine();
            Attributes.Write(writer, property, onOpenLine: true);
            writer.Line($" {TypeNames.Of(property.Value, ns, nullable: false)} {TypeNames.Parameter(property)}{(i == required.Length - 1 ? ")" : ",")}");
        }

        writer.Outdent();
        writer.Line("{").Indent();
        foreach (var property in required)
        {
            writer.Line($"this.{property.ClrName} = {TypeNames.Parameter(property)};");
        }

        writer.Close();
        writer.Line();
    }

    private static void WriteModelInfo(CodeWriter writer, ModelSpec model)
    {
        string Optional(string? value) => value is null ? "null" : Literals.String(value);
        writer.Line(model.Operation is null
            ? $"/// <summary>What the schema's <c>x-apiframe</c> block says about model <c>{Literals.Xml(model.ModelId)}</c>.</summary>"
            : $"/// <summary>The model whose job this action acts on, <c>{Literals.Xml(model.RequestModelId)}</c>, and where the action is posted.</summary>");
        writer.Line("public static global::Apiframe.ApiframeModelInfo ModelInfo { get; } = new global::Apiframe.ApiframeModelInfo(");
        writer.Indent();
        writer.Line($"{Literals.Quote(model.RequestModelId)},");
        writer.Line($"{Literals.Quote(model.Endpoint)},");
        writer.Line($"{Optional(model.ParamsKey)},");
        writer.Line($"{Optional(model.Provider)},");
        writer.Line($"{Optional(model.Modality)},");
        writer.Line($"global::System.TimeSpan.FromSeconds({model.AverageSeconds}));");
        writer.Outdent();
        writer.Line();
        writer.Line("global::Apiframe.ApiframeModelInfo global::Apiframe.IApiframeRequest.ModelInfo => ModelInfo;");
        writer.Line();
    }

    private static void WriteProperty(CodeWriter writer, PropertySpec property, string ns, ObjectSpec type)
    {
        Docs.MemberSummary(writer, property);
        writer.StartLine().Append("/// <remarks>");
        Docs.AppendRules(writer.Text, property);
        AppendDependencyNote(writer.Text, type, property);
        writer.Line("</remarks>");
        if (property.Value.Const is { } constant)
        {
            writer.Line($"public {TypeNames.Of(property.Value, ns, nullable: false)} {property.ClrName} => {ConstLiteral(property.Value, constant)};");
            writer.Line();
            return;
        }

        Attributes.Write(writer, property, onOpenLine: false);

        if (DependentRequiredAttribute(type, property, ns) is { } dependentRequired)
        {
            writer.Line(dependentRequired);
        }

        var nullable = !IsConstructorParameter(property);
        writer.Line($"public {TypeNames.Of(property.Value, ns, nullable)} {property.ClrName} {{ get; init; }}");
        writer.Line();
    }

    private static bool IsConstructorParameter(PropertySpec property) => property.IsRequired && property.Value.Const is null;

    private static string ConstLiteral(ValueSpec value, string constant) => value.Kind switch
    {
        ValueKind.String => Literals.String(constant),
        ValueKind.Boolean => constant,
        ValueKind.Number => Numbers.Double(constant),
        _ => constant,
    };
}
