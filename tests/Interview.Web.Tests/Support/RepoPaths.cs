namespace Interview.Web.Tests.Support;

/// <summary>Paths in the repository the tests run from (found by walking up to Interview.sln).</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>The web host as built by <c>dotnet build -c Release</c>, which the node processes run.</summary>
    public static string WebHostDll => Path.Combine(Root, "src", "Interview.Web", "bin", "Release", "net10.0", "Interview.Web.dll");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Interview.sln"))) return dir.FullName;
        throw new InvalidOperationException("Interview.sln not found above " + AppContext.BaseDirectory);
    }
}
