namespace Interview.Sandbox.Tests;

/// <summary>Compile steps have their own limits (compile bombs). Uses a runner with small compile limits.</summary>
public class CompileLimitTests
{
    [Fact]
    public async Task Compile_bomb_hits_the_compile_limits()
    {
        using var runner = new LocalSandboxRunner(new SandboxOptions
        {
            MaxConcurrentRuns = 1,
            WarmSandboxes = 0,
            CompileDefaults = new RunLimits(CpuTimeMs: 2000, WallTimeMs: 4000, MemoryMb: 96, Processes: 32, OutputBytes: 64 * 1024, FileSizeMb: 64),
        });
        // The preprocessor reads an endless file into memory.
        var result = await runner.RunAsync(new RunRequest("c", "#include \"/dev/zero\"\nint main(void) { return 0; }\n"))
            .WaitAsync(Sandbox.Deadline);

        Assert.True(result.Status is RunStatus.MemoryLimit or RunStatus.TimeLimit, Sandbox.Describe(result));
        Assert.Contains("the compiler exceeded", result.Message);
        Assert.Null(result.ExitCode);
        Assert.Equal("", result.Stdout);
    }
}
