namespace Interview.Sandbox.Tests;

/// <summary>A runner tears down what it set up: processes, cgroups, mounts, files.</summary>
public class LifecycleTests
{
    [Fact]
    public async Task Dispose_removes_sandboxes_cgroups_and_mounts()
    {
        var runner = new LocalSandboxRunner(new SandboxOptions { MaxConcurrentRuns = 1, WarmSandboxes = 2 });
        var state = runner.StateDirectory;
        var instance = Path.GetFileName(state);
        var result = await runner.RunAsync(new RunRequest("python", "print('once')\n")).WaitAsync(Sandbox.Deadline);
        Assert.Equal("once\n", result.Stdout);
        Assert.True(Directory.Exists(state));

        runner.Dispose();

        Assert.False(Directory.Exists(state), "state directory left behind");
        Assert.DoesNotContain(File.ReadAllLines("/proc/self/mountinfo"), line => line.Contains(instance));
        foreach (var controller in new[] { "memory", "pids", "cpuacct", "freezer" })
            Assert.False(Directory.Exists($"/sys/fs/cgroup/{controller}/interview-sandbox/{instance}"), $"{controller} cgroup left behind");
        Assert.Empty(Sandbox.ProcessesWithMarker(state)); // warm sandboxes bind their box from the state directory
        await Assert.ThrowsAsync<ObjectDisposedException>(() => runner.RunAsync(new RunRequest("python", "")));
    }
}
