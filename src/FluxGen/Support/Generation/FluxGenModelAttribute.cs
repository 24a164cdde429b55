using System;

namespace Apiframe.Generation;

/// <summary>
/// Marks an assembly that holds one model's generated request types as public types. FluxGen reads this marker on a
/// project's references and then generates nothing for that model, so referencing projects use these types.
/// </summary>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = true, Inherited = false)]
public sealed class FluxGenModelAttribute : Attribute
{
    /// <summary>Creates the marker.</summary>
    /// <param name="modelId">The model id, as the schema's <c>x-apiframe.model</c> names it.</param>
    /// <param name="version">The version of FluxGen that generated the types.</param>
    public FluxGenModelAttribute(string modelId, string version)
    {
        ModelId = modelId;
        Version = version;
    }

    /// <summary>The model id, as the schema's <c>x-apiframe.model</c> names it.</summary>
    public string ModelId { get; }

    /// <summary>The version of FluxGen that generated the types.</summary>
    public string Version { get; }
}
