using System.Text;

namespace Interview.Sandbox.Tests;

/// <summary>
/// One runner for the whole test assembly (two workers, as on the 2-core CI machine), shared by test classes that
/// xunit runs in parallel: the runner's own queue serializes the excess. Disposed when the test process exits.
/// </summary>
internal static class Sandbox
{
    private static readonly Lazy<LocalSandboxRunner> Shared = new(() =>
    {
        var runner = new LocalSandboxRunner(new SandboxOptions { MaxConcurrentRuns = 2, MaxQueueLength = 1000, MaxQueuedPerOwner = 1000 });
        AppDomain.CurrentDomain.ProcessExit += (_, _) => runner.Dispose();
        return runner;
    });

    public static LocalSandboxRunner Runner => Shared.Value;

    /// <summary>Generous deadline for one run on a loaded 2-core machine (compiles included).</summary>
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(90);

    public static Task<RunResult> RunAsync(string language, string source, string? stdin = null, RunLimits? limits = null,
        IRunObserver? observer = null, CancellationToken cancellationToken = default) =>
        Runner.RunAsync(new RunRequest(language, source, stdin, "tests", limits), observer, cancellationToken).WaitAsync(Deadline);

    /// <summary>A program from the hostile corpus.</summary>
    public static string Hostile(string file) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Hostile", file));

    /// <summary>Host processes whose command line contains <paramref name="marker"/> (read from /proc).</summary>
    public static List<int> ProcessesWithMarker(string marker)
    {
        var found = new List<int>();
        foreach (var dir in Directory.GetDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid) || pid == Environment.ProcessId) continue;
            try
            {
                var cmdline = Encoding.UTF8.GetString(File.ReadAllBytes(Path.Combine(dir, "cmdline"))).Replace('\0', ' ');
                if (cmdline.Contains(marker, StringComparison.Ordinal)) found.Add(pid);
            }
            catch (IOException)
            {
                // Exited while we looked.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
        return found;
    }

    public static string Describe(RunResult r) => r.ToJson();

    /// <summary>Polls a host-side observation until it holds or <see cref="Deadline"/> passes (for states that
    /// appear asynchronously, such as a process showing up in /proc).</summary>
    public static async Task<bool> EventuallyAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + Deadline;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) return false;
            await Task.Delay(20);
        }
        return true;
    }
}
