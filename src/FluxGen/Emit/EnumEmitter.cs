using FluxGen.Schema.Model;

namespace FluxGen.Emit;

/// <summary>Writes a generated enum and the class that converts it to and from its wire strings.</summary>
internal static class EnumEmitter
{
    public static string Emit(EnumSpec type, string ns, string version, string? modelId, Visibility visibility)
    {
        var writer = new CodeWriter();
        Header.Write(writer);
        writer.Open($"namespace {ns}");

        Docs.Summary(writer, type.Description, $"The values of {type.JsonPath}.");
        Docs.Remarks(writer, modelId is null
            ? $"Shared by every model whose request has <c>{Literals.Xml(type.JsonPath)}</c>."
            : $"JSON <c>{Literals.Xml(type.JsonPath)}</c> of model <c>{Literals.Xml(modelId)}</c>.");
        writer.Line($"[global::System.CodeDom.Compiler.GeneratedCode(\"FluxGen\", \"{version}\")]");
        visibility.WriteAttribute(writer);
        writer.Open($"{visibility.Keyword} enum {type.TypeName}");
        for (var i = 0; i < type.Members.Count; i++)
        {
            var member = type.Members[i];
            if (i > 0)
            {
                writer.Line();
            }

            writer.Line($"/// <summary>Wire value <c>{Literals.Xml(member.WireValue)}</c>.</summary>");
            writer.Line($"{member.ClrName},");
        }

        writer.Close();
        writer.Line();

        var extensions = type.TypeName + "Extensions";
        writer.Line($"/// <summary>Converts <see cref=\"{type.TypeName}\"/> to and from the strings the API uses.</summary>");
        writer.Line($"[global::System.CodeDom.Compiler.GeneratedCode(\"FluxGen\", \"{version}\")]");
        visibility.WriteAttribute(writer);
        writer.Open($"{visibility.Keyword} static class {extensions}");

        // One table, indexed by member value (members are numbered from 0 in order); the lookups live once in the
        // runtime, so each enum costs the compiler a field rather than two switches.
        writer.StartLine().Append("private static readonly string[] s_wireValues = { ");
        for (var i = 0; i < type.Members.Count; i++)
        {
            writer.Text.Append(i > 0 ? ", " : string.Empty).Append(Literals.Quote(type.Members[i].WireValue));
        }

        writer.Text.Append(" };");
        writer.Line();
        writer.Line();

        writer.Line("/// <summary>The string the API uses for <paramref name=\"value\"/>.</summary>");
        writer.Line("/// <param name=\"value\">A defined member.</param>");
        writer.Line("/// <exception cref=\"global::System.ArgumentOutOfRangeException\">The value is not a defined member.</exception>");
        writer.Line($"public static string ToWireValue(this {type.TypeName} value) =>");
        writer.Indent();
        writer.Line($"(uint)value < (uint)s_wireValues.Length ? s_wireValues[(int)value] : throw global::Apiframe.Serialization.ApiframeWireValues.NotDefined(nameof(value), value, \"{type.TypeName}\");");
        writer.Outdent();
        writer.Line();

        writer.Line("/// <summary>Reads a wire string; unknown strings give <see langword=\"false\"/>.</summary>");
        writer.Line("/// <param name=\"text\">The string from the wire.</param>");
        writer.Line("/// <param name=\"value\">The member it names.</param>");
        writer.Open($"public static bool TryParseWireValue(string? text, out {type.TypeName} value)");
        writer.Line("var index = global::Apiframe.Serialization.ApiframeWireValues.IndexOf(s_wireValues, text);");
        writer.Line($"value = index < 0 ? default : ({type.TypeName})index;");
        writer.Line("return index >= 0;");
        writer.Close();
        writer.Line();

        writer.Line("/// <summary>Whether <paramref name=\"value\"/> is one the schema defines; a cast can make any number an enum value.</summary>");
        writer.Line("/// <param name=\"value\">The value to check.</param>");
        writer.Line($"public static bool IsDefined({type.TypeName} value) => value is >= {type.TypeName}.{type.Members[0].ClrName} and <= {type.TypeName}.{type.Members[type.Members.Count - 1].ClrName};");
        writer.Close();
        writer.Close();
        return writer.Finish();
    }
}
