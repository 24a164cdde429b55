using Xunit;

namespace FluxGen.IntegrationTests.Package;

/// <summary>Tests that pack src/FluxGen.Package: one at a time, since each pack builds the same projects in the
/// repository's obj/ folders.</summary>
[CollectionDefinition(Name)]
public sealed class PackageCollection
{
    public const string Name = "Package";
}
