using System;
using System.Collections.Generic;
using System.Linq;
using FluxGen.Schema.Model;
using Microsoft.CodeAnalysis;

namespace FluxGen.LightUp;

/// <summary>
/// Which optional parts of the runtime (Support/LightUp/&lt;Feature&gt;/) a compilation gets: a feature is emitted
/// only when every assembly it uses is referenced, so a plain console app compiles without those packages.
/// </summary>
internal static class LightUpFeatures
{
    private const string Logging = "Microsoft.Extensions.Logging.Abstractions";
    private const string Options = "Microsoft.Extensions.Options";
    private const string DependencyInjection = "Microsoft.Extensions.DependencyInjection.Abstractions";
    private const string Http = "Microsoft.Extensions.Http";
    private const string Configuration = "Microsoft.Extensions.Configuration.Abstractions";
    private const string HttpResilience = "Microsoft.Extensions.Http.Resilience";
    private const string Polly = "Polly.Core";
    private const string Redis = "StackExchange.Redis";
    private const string AI = "Microsoft.Extensions.AI.Abstractions";

    // Feature folder → the assemblies its code uses, and whether its code is written for net8.0 and later only
    // (ASP.NET Core is net8.0+ anyway; the Redis relay builds on its endpoint). Version 8 is the oldest these sources
    // are written for (ValidateOnStart lives in Microsoft.Extensions.Options from 8.0 on).
    private static readonly (string Feature, string[] Assemblies, bool Net8Only)[] Requirements =
    {
        ("Logging", new[] { Logging }, false),
        ("DependencyInjection", new[] { Logging, Options, DependencyInjection, Http, Configuration }, false),
        ("AspNetCore", new[] { Logging, Options, DependencyInjection, Http, Configuration, "Microsoft.AspNetCore.Http.Abstractions", "Microsoft.AspNetCore.Routing" }, true),
        ("Resilience", new[] { Logging, Options, DependencyInjection, Http, Configuration, HttpResilience, Polly }, false),
        // The relay among instances builds on the webhook endpoint, and starts with the host.
        ("Redis", new[] { Logging, Options, DependencyInjection, Http, Configuration, "Microsoft.AspNetCore.Http.Abstractions", "Microsoft.AspNetCore.Routing", "Microsoft.Extensions.Hosting.Abstractions", Redis }, true),
        ("AI", new[] { AI }, false),
    };

    private static readonly HashSet<string> Interesting = new(Requirements.SelectMany(r => r.Assemblies), StringComparer.Ordinal);

    private const int MinimumMajorVersion = 8;

    // IImageGenerator came in Microsoft.Extensions.AI.Abstractions 9.8 as a first draft that changed before 10.0;
    // the AI sources are written against the 10.x/11.x shape. StackExchange.Redis numbers its assemblies on its own
    // (2.0.0.0 for every 2.x, 3.0.0.0 for 3.x).
    private static int MinimumMajor(string assembly) => assembly switch
    {
        AI => 10,
        Redis => 2,
        _ => MinimumMajorVersion,
    };

    /// <summary>Whether a referenced assembly of this name and major version is one a feature needs.</summary>
    public static bool Counts(string name, int major) => Interesting.Contains(name) && major >= MinimumMajor(name);

    /// <summary>The features whose assemblies are all referenced, in a fixed order.</summary>
    public static EquatableArray<string> Enabled(IEnumerable<AssemblyIdentity> referenced) =>
        Enabled(referenced.Where(identity => Counts(identity.Name, identity.Version.Major)).Select(identity => identity.Name));

    /// <summary>The features of <paramref name="enabled"/> whose API exists on the target: every one on net8.0 and
    /// later; below it, those not marked net8.0-only in the requirements.</summary>
    public static EquatableArray<string> On(EquatableArray<string> enabled, Targets.TargetSupport target) =>
        !target.DownLevel
            ? enabled
            : enabled.Where(feature => !Requirements.Any(r => r.Net8Only && r.Feature == feature)).ToEquatableArray();

    /// <summary>The features whose assemblies are all among <paramref name="present"/> (names that
    /// <see cref="Counts"/>), in a fixed order.</summary>
    public static EquatableArray<string> Enabled(IEnumerable<string> present)
    {
        var names = new HashSet<string>(present, StringComparer.Ordinal);
        return Requirements
            .Where(r => r.Assemblies.All(names.Contains))
            .Select(r => r.Feature)
            .ToEquatableArray();
    }
}
