using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using FluxGen.Emit;
using FluxGen.Schema.Model;

namespace FluxGen.LightUp;

/// <summary>
/// What the Microsoft.Extensions.AI image generator needs to know about one image model to build a request for it
/// without the model's generated types: where it goes, its params block, and the members that
/// <c>ImageGenerationOptions</c> map onto. Taken from the parsed schema, so the table is the document's, never a copy.
/// </summary>
internal sealed record ImageModelEntry(
    string ModelId,
    string Endpoint,
    string? ParamsKey,
    string? Provider,
    string AverageSeconds,
    bool FromDocument,
    EquatableArray<string> AspectRatios,
    bool FreeAspectRatio,
    string? WidthMinimum,
    string? WidthMaximum,
    string? HeightMinimum,
    string? HeightMaximum,
    EquatableArray<string> OutputFormats,
    string? CountMember,
    string? CountMaximum,
    EquatableArray<string> RequiredParams)
{
    /// <summary>The member that takes input images (for editing), when the model has one.</summary>
    public string? InputImagesMember { get; init; }

    /// <summary>Whether <see cref="InputImagesMember"/> is a list of URLs rather than one URL.</summary>
    public bool InputImagesList { get; init; }

    /// <summary>The list's <c>maxItems</c>, when it has one.</summary>
    public int? InputImagesMaximum { get; init; }
}

/// <summary>Reads <see cref="ImageModelEntry"/> from a model and writes the table the AI light-up reads.</summary>
internal static class ImageModelTable
{
    public const string HintName = "FluxGen.LightUp.AI.ApiframeImageModels.Table.g.cs";

    private const string ImagesGenerate = "/v2/images/generate";

    // The params members that say how many images one job makes, by model family (gpt-image, kling, qwen, flux-lora).
    private static readonly string[] CountMembers = { "number_of_images", "num_images", "num_outputs", "n" };

    // The params members that take the images a job starts from, as the document names them, most general first:
    // a list of images to work on, then one image, then flux's reference image (image_prompt), the only input
    // image some flux schemas document.
    private static readonly string[] InputImageMembers = { "input_images", "image_input", "image", "image_url", "image_prompt" };

    /// <summary>The entry of a text-to-image model; <see langword="null"/> for any other model.</summary>
    public static ImageModelEntry? From(ModelSpec? model, bool fromDocument)
    {
        if (model is null || model.Modality != "image" || model.Endpoint != ImagesGenerate)
        {
            return null;
        }

        var block = model.ParamsKey is { } key ? model.Request.Properties.FirstOrDefault(p => p.JsonName == key) : null;
        var paramsObject = block is { Value.Kind: ValueKind.Object } ? model.NestedObjects.FirstOrDefault(o => o.TypeName == block.Value.TypeName) : null;
        var members = paramsObject?.Properties ?? EquatableArray<PropertySpec>.Empty;
        PropertySpec? Member(string name) => members.FirstOrDefault(p => p.JsonName == name);

        var aspect = Member("aspect_ratio");
        var width = Member("width") is { Value.Kind: ValueKind.Integer } w ? w : null;
        var height = Member("height") is { Value.Kind: ValueKind.Integer } h ? h : null;
        var hasSize = width is not null && height is not null;
        var count = CountMembers.Select(Member).FirstOrDefault(p => p is { Value.Kind: ValueKind.Integer });
        var inputs = InputImageMembers.Select(Member).FirstOrDefault(IsImageUrls);

        var required = members.Where(p => p.IsRequired).Select(p => p.JsonName).ToList();
        if (block is { IsRequired: true } && required.Count == 0)
        {
            // The block itself is required even though nothing inside it is: an empty block is written.
            required.Add(string.Empty);
        }

        return new ImageModelEntry(
            model.ModelId,
            model.Endpoint,
            model.ParamsKey,
            model.Provider,
            model.AverageSeconds,
            fromDocument,
            Values(model, aspect),
            aspect is { Value.Kind: ValueKind.String },
            hasSize ? width!.Value.Minimum : null,
            hasSize ? width!.Value.Maximum : null,
            hasSize ? height!.Value.Minimum : null,
            hasSize ? height!.Value.Maximum : null,
            Values(model, Member("output_format")),
            count?.JsonName,
            count?.Value.Maximum,
            required.ToEquatableArray())
        {
            InputImagesMember = inputs?.JsonName,
            InputImagesList = inputs?.Value.Kind == ValueKind.Array,
            InputImagesMaximum = inputs?.Value.Kind == ValueKind.Array ? inputs.Value.MaxItems : null,
        };
    }

    // A URL string, or a list of them: what an uploaded file's URL can be written into.
    private static bool IsImageUrls(PropertySpec? member) => member?.Value switch
    {
        { Kind: ValueKind.String, Format: "uri" } => true,
        { Kind: ValueKind.Array, Items: { Kind: ValueKind.String, Format: "uri" } } => true,
        _ => false,
    };

    /// <summary>One entry per model id; a schema file's model wins over the document's, as it does for the types.</summary>
    public static EquatableArray<ImageModelEntry> Settle(IEnumerable<ImageModelEntry?> entries) =>
        entries
            .OfType<ImageModelEntry>()
            .GroupBy(e => e.ModelId, StringComparer.Ordinal)
            .Select(g => g.OrderBy(e => e.FromDocument).First())
            .OrderBy(e => e.ModelId, StringComparer.Ordinal)
            .ToEquatableArray();

    public static string Emit(EquatableArray<ImageModelEntry> entries)
    {
        var text = new StringBuilder(Header.Text);
        text.Append("\nnamespace Apiframe;\n\n");
        text.Append("internal static partial class ApiframeImageModels\n{\n");
        text.Append("    private static partial global::Apiframe.ApiframeImageModel[] Documented() => new global::Apiframe.ApiframeImageModel[]\n    {\n");
        foreach (var e in entries)
        {
            text.Append("        new(").Append(Literals.String(e.ModelId))
                .Append(", ").Append(Literals.String(e.Endpoint))
                .Append(", ").Append(Optional(e.ParamsKey))
                .Append(", ").Append(Optional(e.Provider))
                .Append(", global::System.TimeSpan.FromSeconds(").Append(e.AverageSeconds).Append("))\n        {\n");

            // Only what the model has, one member a line, so the table reads like the schema.
            void Member(string name, string value) => text.Append("            ").Append(name).Append(" = ").Append(value).Append(",\n");
            if (e.AspectRatios.Count > 0)
            {
                Member("AspectRatios", Strings(e.AspectRatios));
            }

            if (e.FreeAspectRatio)
            {
                Member("FreeAspectRatio", "true");
            }

            if (Integer(e.WidthMaximum) is { } widthMax && Integer(e.HeightMaximum) is { } heightMax)
            {
                Member("Width", "(" + (Integer(e.WidthMinimum) ?? "1") + ", " + widthMax + ")");
                Member("Height", "(" + (Integer(e.HeightMinimum) ?? "1") + ", " + heightMax + ")");
            }

            if (e.OutputFormats.Count > 0)
            {
                Member("OutputFormats", Strings(e.OutputFormats));
            }

            if (e.CountMember is { } count)
            {
                Member("Count", "(" + Literals.String(count) + ", " + (Integer(e.CountMaximum) ?? "null") + ")");
            }

            if (e.InputImagesMember is { } inputs)
            {
                var most = e.InputImagesList ? e.InputImagesMaximum?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "null" : "1";
                Member("InputImages", "(" + Literals.String(inputs) + ", " + (e.InputImagesList ? "true" : "false") + ", " + most + ")");
            }

            if (e.RequiredParams.Count > 0)
            {
                Member("RequiredParams", Strings(e.RequiredParams));
            }

            text.Append("        },\n");
        }

        text.Append("    };\n}\n");
        return text.ToString();
    }

    private static EquatableArray<string> Values(ModelSpec model, PropertySpec? member)
    {
        if (member is not { Value.Kind: ValueKind.Enum, Value.TypeName: { } typeName })
        {
            return EquatableArray<string>.Empty;
        }

        var spec = model.Enums.FirstOrDefault(e => e.TypeName == typeName);
        return spec is null ? EquatableArray<string>.Empty : spec.Members.Select(m => m.WireValue).ToEquatableArray();
    }

    private static string Optional(string? value) => value is null ? "null" : Literals.String(value);

    private static string Strings(EquatableArray<string> values) => "new[] { " + string.Join(", ", values.Select(Literals.String)) + " }";

    // Bounds are decimal text; a width, height or count bound that is not a whole int is left out.
    private static string? Integer(string? value) =>
        value is not null && int.TryParse(value, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var n)
            ? n.ToString(System.Globalization.CultureInfo.InvariantCulture)
            : null;
}
