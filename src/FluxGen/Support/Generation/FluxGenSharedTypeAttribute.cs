using System;

namespace Apiframe.Generation;

/// <summary>
/// Marks an assembly that holds a type shared by several models (such as the request-level <c>WebhookEvent</c> enum)
/// as a public type. FluxGen reads this marker on a project's references and then does not generate a second type of
/// the same full name.
/// </summary>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = true, Inherited = false)]
public sealed class FluxGenSharedTypeAttribute : Attribute
{
    /// <summary>Creates the marker.</summary>
    /// <param name="typeName">The full name of the type, namespace included.</param>
    /// <param name="version">The version of FluxGen that generated the type.</param>
    public FluxGenSharedTypeAttribute(string typeName, string version)
    {
        TypeName = typeName;
        Version = version;
    }

    /// <summary>The full name of the type, namespace included.</summary>
    public string TypeName { get; }

    /// <summary>The version of FluxGen that generated the type.</summary>
    public string Version { get; }
}
