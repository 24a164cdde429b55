namespace FluxGen.Emit;

/// <summary>Numeric literals from schema decimal text.</summary>
internal static class Numbers
{
    /// <summary>A double literal: "0.05" → "0.05", "10" → "10d", "1E+300" → "1E+300".</summary>
    public static string Double(string text) =>
        text.IndexOf('.') >= 0 || text.IndexOf('E') >= 0 || text.IndexOf('e') >= 0 ? text : text + "d";
}
