using System;

namespace Apiframe.Generation;

/// <summary>
/// Marks an assembly that holds FluxGen's client runtime as public types. FluxGen reads this marker on a project's
/// references and then leaves its own copy of the runtime out, so a project graph has the runtime once.
/// </summary>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = false, Inherited = false)]
public sealed class FluxGenRuntimeAttribute : Attribute
{
    /// <summary>Creates the marker.</summary>
    /// <param name="version">The version of FluxGen that wrote the runtime.</param>
    public FluxGenRuntimeAttribute(string version) => Version = version;

    /// <summary>The version of FluxGen that wrote the runtime.</summary>
    public string Version { get; }
}
