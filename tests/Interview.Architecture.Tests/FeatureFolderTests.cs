using System.Text.RegularExpressions;

namespace Interview.Architecture.Tests;

/// <summary>The web host's folders: <c>Shared/</c> is what every feature builds on, so it never reaches into <c>Features/</c>.</summary>
public partial class FeatureFolderTests
{
    private static readonly string Web = Path.Combine(RepositoryRoot(), "src", "Interview.Web");

    [Fact]
    public void Shared_does_not_depend_on_any_feature()
    {
        var shared = Directory.EnumerateFiles(Path.Combine(Web, "Shared"), "*.*", SearchOption.AllDirectories)
            .Where(path => path.EndsWith(".cs", StringComparison.Ordinal) || path.EndsWith(".razor", StringComparison.Ordinal))
            .ToList();
        Assert.NotEmpty(shared);

        var offenders = shared
            .SelectMany(path => File.ReadLines(path).Select((line, index) => (path, line, index)))
            .Where(x => FeatureReference().IsMatch(x.line))
            .Select(x => $"{Path.GetRelativePath(Web, x.path)}:{x.index + 1}: {x.line.Trim()}")
            .ToList();
        Assert.True(offenders.Count == 0, "Shared/ refers to Features/:\n" + string.Join("\n", offenders));
    }

    [Fact]
    public void The_room_actor_keeps_membership_and_each_feature_keeps_its_own_state_in_its_folder()
    {
        var actorFiles = Directory.EnumerateFiles(Path.Combine(Web, "Features"), "*.cs", SearchOption.AllDirectories)
            .Where(path => File.ReadAllText(path).Contains("partial class RoomActor", StringComparison.Ordinal))
            .Select(path => Path.GetRelativePath(Web, path).Replace('\\', '/'))
            .ToList();
        Assert.All(actorFiles, path => Assert.StartsWith("Features/Rooms/", path));

        foreach (var (folder, state) in new[]
                 {
                     ("Chat", "RoomChat"), ("Editor", "RoomDocument"), ("Execution", "RoomRuns"), ("Watch", "RoomWatch"),
                     ("Media", "RoomCall"), ("Recordings", "RoomUploads"), ("Proctoring", "RoomInvigilation"),
                 })
            Assert.True(File.Exists(Path.Combine(Web, "Features", folder, state + ".cs")), $"Features/{folder}/{state}.cs");
    }

    [GeneratedRegex(@"\bInterview\.Web\.Features\b|(?<![\w.])Features\.[A-Z]")]
    private static partial Regex FeatureReference();

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Interview.sln"))) return dir.FullName;
        throw new InvalidOperationException("Interview.sln not found above " + AppContext.BaseDirectory);
    }
}
