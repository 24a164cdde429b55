using System;

namespace Apiframe.Generation;

/// <summary>
/// Marks an assembly that holds the client part of FluxGen's runtime (<c>ApiframeClient</c>, jobs, webhooks) as
/// public types. A project writes the client only where its code uses it (or where it is a public library); a project
/// referencing an assembly with this marker leaves its own copy out, and one referencing an assembly with only
/// <see cref="FluxGenRuntimeAttribute"/> writes the client itself when it needs it.
/// </summary>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = false, Inherited = false)]
public sealed class FluxGenClientAttribute : Attribute
{
    /// <summary>Creates the marker.</summary>
    /// <param name="version">The version of FluxGen that wrote the client.</param>
    public FluxGenClientAttribute(string version) => Version = version;

    /// <summary>The version of FluxGen that wrote the client.</summary>
    public string Version { get; }
}
