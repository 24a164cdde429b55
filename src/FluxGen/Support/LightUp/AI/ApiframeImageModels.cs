using System;
using System.Collections.Generic;

namespace Apiframe;

/// <summary>Every text-to-image model FluxGen read from the project's schemas, by id.</summary>
internal static partial class ApiframeImageModels
{
    private static readonly Dictionary<string, ApiframeImageModel> ById = Index();

    /// <summary>The model with this id, if it is a text-to-image model of the schemas.</summary>
    public static bool TryGet(string id, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ApiframeImageModel? model) =>
        ById.TryGetValue(id, out model);

    // Written by FluxGen from the schemas (FluxGen.LightUp.AI.ApiframeImageModels.Table.g.cs).
    private static partial ApiframeImageModel[] Documented();

    private static Dictionary<string, ApiframeImageModel> Index()
    {
        var models = Documented();
        var index = new Dictionary<string, ApiframeImageModel>(models.Length, StringComparer.Ordinal);
        foreach (var model in models)
        {
            index[model.Id] = model;
        }

        return index;
    }
}
