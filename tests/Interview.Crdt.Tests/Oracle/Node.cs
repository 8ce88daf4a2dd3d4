using System.Diagnostics;

namespace Interview.Crdt.Tests.Oracle;

/// <summary>Runs the node scripts of tests/crdt-oracle (they use the repository's node_modules, yjs pinned).</summary>
internal static class Node
{
    public static string RepoRoot { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Interview.sln"))) return dir.FullName;
        throw new InvalidOperationException("Interview.sln not found above " + AppContext.BaseDirectory);
    }

    public static string OracleDir => Path.Combine(RepoRoot, "tests", "crdt-oracle");

    /// <summary>Runs <c>node script args</c> and returns stdout; fails the test with stderr on a non-zero exit.</summary>
    public static string Run(string script, params string[] args)
    {
        if (!Directory.Exists(Path.Combine(RepoRoot, "node_modules", "yjs")))
            throw new InvalidOperationException("node_modules/yjs missing: run `npm ci` in the repository root");
        var psi = new ProcessStartInfo("node") { WorkingDirectory = OracleDir, RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add(script);
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var stderr = p.StandardError.ReadToEndAsync();
        var stdout = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0) throw new InvalidOperationException($"node {script} failed ({p.ExitCode}): {stderr.Result}");
        return stdout;
    }

    public static string TempFile(string name) => Path.Combine(Path.GetTempPath(), $"interview-crdt-{Environment.ProcessId}-{Guid.NewGuid():N}-{name}");
}
