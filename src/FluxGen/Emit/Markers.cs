namespace FluxGen.Emit;

/// <summary>The assembly-level markers that tell projects referencing this one what it already provides (see
/// <c>Support/Generation/</c>). Written only for public output: internal types cannot be reused.</summary>
internal static class Markers
{
    public static string Runtime(string version) =>
        Header.Text + $"\n[assembly: global::Apiframe.Generation.FluxGenRuntime({Literals.String(version)})]\n";

    public static string Client(string version) =>
        Header.Text + $"\n[assembly: global::Apiframe.Generation.FluxGenClient({Literals.String(version)})]\n";

    public static string Model(string modelId, string version) =>
        Header.Text + $"\n[assembly: global::Apiframe.Generation.FluxGenModel({Literals.String(modelId)}, {Literals.String(version)})]\n";

    public static string SharedType(string fullName, string version) =>
        Header.Text + $"\n[assembly: global::Apiframe.Generation.FluxGenSharedType({Literals.String(fullName)}, {Literals.String(version)})]\n";
}
