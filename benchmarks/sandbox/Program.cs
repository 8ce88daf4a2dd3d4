using System.Diagnostics;
using Interview.Sandbox;

// Sandbox benchmarks, all measured in one process run so the ratios compare like with like:
//   1. python hello through the engine vs bare python (both started from this .NET process, sequentially);
//   2. hello runs per second with every core busy;
//   3. compile + run time of each language's test program.
var sections = args.Length > 0 ? args : ["overhead", "throughput", "languages"];
var hello = "print('hello')\n";
using var runner = new LocalSandboxRunner(new SandboxOptions { MaxQueueLength = 1000, MaxQueuedPerOwner = 1000 });

if (sections.Contains("overhead"))
{
    const int n = 40;
    var helloFile = Path.Combine(Path.GetTempPath(), $"bench-hello-{Environment.ProcessId}.py");
    File.WriteAllText(helloFile, hello);
    for (var i = 0; i < 5; i++) { await Bare(helloFile); await Engine(); } // warm-up (JIT, page cache)
    var bare = new List<double>();
    var engine = new List<double>();
    for (var i = 0; i < n; i++) // interleaved, so both see the same machine load
    {
        // An idle gap before each measurement, as between presses of Run: the engine uses it to launch the
        // replacement warm sandbox, bare python gets the same quiet machine.
        await Task.Delay(100);
        bare.Add(await Bare(helloFile));
        await Task.Delay(100);
        engine.Add(await Engine());
    }
    File.Delete(helloFile);
    var (b, e) = (Median(bare), Median(engine));
    Console.WriteLine($"python hello, median of {n}: bare {b:F1} ms, engine {e:F1} ms, ratio {e / b:F2}x (p90 bare {P90(bare):F1} ms, engine {P90(engine):F1} ms)");
}

if (sections.Contains("throughput"))
{
    var total = 200;
    var cpuBefore = CpuMs();
    // (the runner below allows deep queues: this measures throughput, not admission control)
    var clock = Stopwatch.StartNew();
    var tasks = Enumerable.Range(0, total).Select(i => runner.RunAsync(new RunRequest("python", hello, OwnerKey: $"owner{i % 8}"))).ToList();
    var results = await Task.WhenAll(tasks);
    clock.Stop();
    var ok = results.Count(r => r.Status == RunStatus.Ok && r.Stdout == "hello\n");
    var cpuAfter = CpuMs();
    Console.WriteLine($"throughput: {total} python hello runs on {Environment.ProcessorCount} cores in {clock.Elapsed.TotalSeconds:F2} s = {total / clock.Elapsed.TotalSeconds:F1} runs/s ({ok} ok)");
    // CPU per run (this process + every reaped descendant: launcher, bwrap, init, python) does not depend on what
    // else the machine is doing; cores / CPU per run is the throughput an otherwise idle machine would reach.
    var engineCpu = (cpuAfter - cpuBefore) / total;
    var bareBefore = CpuMs();
    var helloPath = Path.Combine(Path.GetTempPath(), $"bench-cpu-{Environment.ProcessId}.py");
    File.WriteAllText(helloPath, hello);
    for (var i = 0; i < 50; i++) await Bare(helloPath);
    File.Delete(helloPath);
    var bareCpu = (CpuMs() - bareBefore) / 50;
    Console.WriteLine($"CPU per run: engine {engineCpu:F1} ms, bare python {bareCpu:F1} ms; idle-machine capacity {Environment.ProcessorCount * 1000 / engineCpu:F0} runs/s");
}

if (sections.Contains("languages"))
{
    foreach (var language in await runner.GetLanguagesAsync())
    {
        if (!language.Available) { Console.WriteLine($"{language.Id,-11} unavailable"); continue; }
        var program = runner.GetLanguageTestProgram(language.Id)!;
        var clock = Stopwatch.StartNew();
        var r = await runner.RunAsync(new RunRequest(language.Id, program, "x\n"));
        clock.Stop();
        Console.WriteLine($"{language.Id,-11} {language.Version,-10} total {clock.ElapsedMilliseconds,6} ms, run {r.WallMs,5} ms ({r.Status})");
    }
}

async Task<double> Bare(string file)
{
    var clock = Stopwatch.StartNew();
    var psi = new ProcessStartInfo("/usr/bin/python3", [file]) { RedirectStandardOutput = true, RedirectStandardError = true };
    using var p = Process.Start(psi)!;
    var output = p.StandardOutput.ReadToEndAsync();
    await p.StandardError.ReadToEndAsync();
    await p.WaitForExitAsync();
    if (await output != "hello\n") throw new InvalidOperationException("bare python failed");
    return clock.Elapsed.TotalMilliseconds;
}

async Task<double> Engine()
{
    var clock = Stopwatch.StartNew();
    var r = await runner.RunAsync(new RunRequest("python", hello));
    if (r.Status != RunStatus.Ok || r.Stdout != "hello\n") throw new InvalidOperationException($"engine failed: {r.ToJson()}");
    return clock.Elapsed.TotalMilliseconds;
}

// utime + stime + cutime + cstime of this process, from /proc/self/stat (clock ticks of 10 ms).
static double CpuMs()
{
    var fields = File.ReadAllText("/proc/self/stat").Split(')')[1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
    return (long.Parse(fields[11]) + long.Parse(fields[12]) + long.Parse(fields[13]) + long.Parse(fields[14])) * 10.0;
}

static double Median(List<double> xs) => xs.Order().ElementAt(xs.Count / 2);
static double P90(List<double> xs) => xs.Order().ElementAt(xs.Count * 9 / 10);
