using System.Collections.Concurrent;
using System.Text.Json;

namespace Interview.Sandbox.Tests;

/// <summary>The runner's API: streaming, cancellation, result shape, concurrency.</summary>
public class RunnerTests
{
    private sealed class Recorder : IRunObserver
    {
        public readonly ConcurrentQueue<(OutputStream Stream, string Text)> Chunks = new();
        public readonly ConcurrentQueue<RunPhase> Phases = new();
        public readonly TaskCompletionSource FirstLine = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void PhaseChanged(RunPhase phase) => Phases.Enqueue(phase);

        public void Output(OutputStream stream, string text)
        {
            Chunks.Enqueue((stream, text));
            // The whole line: python may write the text and its newline in two chunks.
            if (string.Concat(Chunks.Select(c => c.Text)).Contains("first\n")) FirstLine.TrySetResult();
        }
    }

    [Fact]
    public async Task Output_streams_while_the_program_runs_and_cancellation_kills_it()
    {
        var marker = $"interview-cancel-{Guid.NewGuid():N}";
        // Starts a long sleep carrying a marker we can look for among host processes (Popen returns once the exec
        // has happened), then prints a line and waits for it.
        var source = $"import subprocess\np = subprocess.Popen(['{marker}', '600'], executable='/bin/sleep')\n"
            + "print('first', flush=True)\np.wait()\n";
        var recorder = new Recorder();
        using var cancel = new CancellationTokenSource();
        var run = Sandbox.RunAsync("python", source, observer: recorder, cancellationToken: cancel.Token);

        await recorder.FirstLine.Task.WaitAsync(Sandbox.Deadline);
        Assert.False(run.IsCompleted, "the first line arrived only after the run ended");
        Assert.True(await Sandbox.EventuallyAsync(() => Sandbox.ProcessesWithMarker(marker).Count > 0), "the marked process never appeared");
        cancel.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        Assert.Empty(Sandbox.ProcessesWithMarker(marker));
        Assert.Equal([RunPhase.Queued, RunPhase.Running], recorder.Phases.ToArray());
        Assert.Equal("first\n", string.Concat(recorder.Chunks.Where(c => c.Stream == OutputStream.Stdout).Select(c => c.Text)));
    }

    [Fact]
    public async Task Compile_output_streams_as_compile_chunks()
    {
        var recorder = new Recorder();
        var result = await Sandbox.RunAsync("c", "int main(void) { return missing; }\n", observer: recorder);

        Assert.Equal(RunStatus.CompileError, result.Status);
        Assert.Equal([RunPhase.Queued, RunPhase.Compiling], recorder.Phases.ToArray());
        Assert.Contains("missing", string.Concat(recorder.Chunks.Where(c => c.Stream == OutputStream.Compile).Select(c => c.Text)));
    }

    [Fact]
    public async Task Result_json_has_the_contract_shape()
    {
        var result = await Sandbox.RunAsync("python", "import sys\nprint('out')\nprint('err', file=sys.stderr)\n");
        using var json = JsonDocument.Parse(result.ToJson());
        var root = json.RootElement;

        Assert.Equal(
            ["status", "exitCode", "signal", "stdout", "stderr", "compileOutput", "wallMs", "cpuMs", "memoryKb", "truncated", "message"],
            root.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal("ok", root.GetProperty("status").GetString());
        Assert.Equal(0, root.GetProperty("exitCode").GetInt32());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("signal").ValueKind);
        Assert.Equal("out\n", root.GetProperty("stdout").GetString());
        Assert.Equal("err\n", root.GetProperty("stderr").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("compileOutput").ValueKind);
        Assert.True(root.GetProperty("wallMs").GetInt64() > 0);
        Assert.True(root.GetProperty("memoryKb").GetInt64() > 0);
        Assert.False(root.GetProperty("truncated").GetBoolean());
        Assert.Equal("time_limit", JsonSerializer.Serialize(RunStatus.TimeLimit).Trim('"'));
        Assert.Equal("memory_limit", JsonSerializer.Serialize(RunStatus.MemoryLimit).Trim('"'));
    }

    [Fact]
    public async Task Sandbox_sees_a_minimal_world()
    {
        var source = """
            import os
            print(os.getuid(), os.getgid(), os.getcwd(), os.environ.get('HOME'))
            print(sorted(os.listdir('/')))
            print(sorted(int(p) for p in os.listdir('/proc') if p.isdigit()))
            print(open('/proc/self/status').read().split('CapEff:')[1].split()[0])
            """;
        var result = await Sandbox.RunAsync("python", source);

        var lines = result.Stdout.Split('\n');
        Assert.Equal("1000 1000 /box/work /box/work", lines[0]);
        Assert.DoesNotContain("'home'", lines[1]);
        Assert.DoesNotContain("'root'", lines[1]);
        Assert.Equal("[1, 2]", lines[2]);                 // bwrap's init and the program: no host process
        Assert.Equal("0000000000000000", lines[3]);       // no capabilities
    }

    private sealed class Throwing : IRunObserver
    {
        public void PhaseChanged(RunPhase phase) => throw new InvalidOperationException("observer failed");
        public void Output(OutputStream stream, string text) => throw new InvalidOperationException("observer failed");
    }

    [Fact]
    public async Task A_throwing_observer_does_not_break_the_run()
    {
        var result = await Sandbox.RunAsync("python", "print('fine')\n", observer: new Throwing());

        Assert.Equal((RunStatus.Ok, "fine\n"), (result.Status, result.Stdout));
    }

    [Fact]
    public async Task Runs_from_several_owners_all_complete()
    {
        var runs = Enumerable.Range(0, 6).Select(i =>
            Sandbox.Runner.RunAsync(new RunRequest("python", $"print({i} * 7)\n", OwnerKey: $"room{i % 3}")).WaitAsync(Sandbox.Deadline)).ToList();
        var results = await Task.WhenAll(runs);

        Assert.Equal(Enumerable.Range(0, 6).Select(i => $"{i * 7}\n"), results.Select(r => r.Stdout));
    }
}
