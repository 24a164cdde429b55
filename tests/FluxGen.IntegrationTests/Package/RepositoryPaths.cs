namespace FluxGen.IntegrationTests.Package;

internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string LocalFeed => Path.Combine(Root, "artifacts", "packages");

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "FluxGen.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("FluxGen.sln not found above the test folder.");
    }
}
