using System;
using Microsoft.CodeAnalysis;

namespace FluxGen.Targets;

/// <summary>One dependency the generated code has below net8.0, where the framework lacks it.</summary>
/// <param name="Name">The package (or, for .NET Framework's HTTP stack, the framework assembly).</param>
/// <param name="Version">The version to add: the oldest the runtime sources are written against.</param>
/// <param name="ProbeType">A type the dependency provides, which tells whether the compilation has it.</param>
/// <param name="MinimumAssemblyMajor">When the type alone does not tell (an older System.Text.Json has
/// <c>Utf8JsonWriter</c> too), the assembly version it must come from.</param>
/// <param name="IsFrameworkAssembly">Whether it is added as a <c>&lt;Reference&gt;</c> rather than a package.</param>
internal sealed record RequiredPackage(string Name, string Version, string ProbeType, int MinimumAssemblyMajor = 0, bool IsFrameworkAssembly = false)
{
    /// <summary>What to write into the project file.</summary>
    public string ProjectItem => IsFrameworkAssembly
        ? $"<Reference Include=\"{Name}\" />"
        : $"<PackageReference Include=\"{Name}\" Version=\"{Version}\" />";

    /// <summary>The package and version, or the assembly, as a message names it.</summary>
    public string Display => IsFrameworkAssembly ? Name : $"{Name} {Version} or later";

    public bool IsPresent(Compilation compilation)
    {
        foreach (var type in compilation.GetTypesByMetadataName(ProbeType))
        {
            if (type.DeclaredAccessibility == Accessibility.Public && type.ContainingAssembly.Identity.Version.Major >= MinimumAssemblyMajor)
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>
/// The dependencies of the generated code below net8.0, where the framework does not have them: four packages at
/// most (README, "Targets"), and on .NET Framework the <c>System.Net.Http</c> assembly every HTTP client there
/// references. Each is checked by a type it provides, so a target that has the type already (netstandard2.1 has
/// <c>IAsyncDisposable</c>) needs nothing added.
/// </summary>
internal static class RequiredPackages
{
    public static readonly RequiredPackage[] All =
    {
        // 8.0.5: the first 8.0 with the fixes for CVE-2024-30105 and CVE-2024-43485.
        new("System.Text.Json", "8.0.5", "System.Text.Json.Utf8JsonWriter", MinimumAssemblyMajor: 8),
        new("Microsoft.Bcl.AsyncInterfaces", "8.0.0", "System.IAsyncDisposable"),
        new("System.Diagnostics.DiagnosticSource", "8.0.1", "System.Diagnostics.ActivitySource", MinimumAssemblyMajor: 8),
        new("Microsoft.Bcl.TimeProvider", "8.0.1", "System.TimeProvider"),
        new("System.Net.Http", "4.0", "System.Net.Http.HttpClient", IsFrameworkAssembly: true),
    };
}
