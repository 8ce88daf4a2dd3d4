using System.Diagnostics;
using Interview.Sandbox;

// Sandbox benchmarks, all measured in one process run so the ratios compare like with like:
//   1. python hello through the engine vs bare python (both started from this .NET process, sequentially);
//   2. hello runs per second with every core busy, against bare python started as many at a time as there are
//      cores, measured just before and just after (the machine may be shared: the ratio is what carries over);
//   3. compile + run time of each language's test program.
// Environment (for experiments): SANDBOX_BENCH_RUNS (throughput runs, default 200), SANDBOX_BENCH_WORKERS,
// SANDBOX_BENCH_WARM (runner options; defaults as in SandboxOptions).
var sections = args.Length > 0 ? args : ["overhead", "throughput", "languages"];
var hello = "print('hello')\n";
var options = new SandboxOptions { MaxQueueLength = 100_000, MaxQueuedPerOwner = 100_000 };
if (Environment.GetEnvironmentVariable("SANDBOX_BENCH_WORKERS") is { Length: > 0 } workers) options.MaxConcurrentRuns = int.Parse(workers);
if (Environment.GetEnvironmentVariable("SANDBOX_BENCH_WARM") is { Length: > 0 } warm) options.WarmSandboxes = int.Parse(warm);
using var runner = new LocalSandboxRunner(options);
var helloFile = Path.Combine(Path.GetTempPath(), $"bench-hello-{Environment.ProcessId}.py");
File.WriteAllText(helloFile, hello);
try
{
    if (sections.Contains("overhead")) await Overhead();
    if (sections.Contains("throughput")) await Throughput();
    if (sections.Contains("languages")) await Languages();
}
finally
{
    File.Delete(helloFile);
}

async Task Overhead()
{
    const int n = 40;
    for (var i = 0; i < 5; i++) { await Bare(); await Engine(); } // warm-up (JIT, page cache)
    var bare = new List<double>();
    var engine = new List<double>();
    for (var i = 0; i < n; i++) // interleaved, so both see the same machine load
    {
        // An idle gap before each measurement, as between presses of Run: the engine uses it to launch the
        // replacement warm sandbox, bare python gets the same quiet machine.
        await Task.Delay(100);
        bare.Add(await Bare());
        await Task.Delay(100);
        engine.Add(await Engine());
    }
    var (b, e) = (Median(bare), Median(engine));
    Console.WriteLine($"python hello, median of {n}: bare {b:F1} ms, engine {e:F1} ms, ratio {e / b:F2}x (p90 bare {P90(bare):F1} ms, engine {P90(engine):F1} ms)");
}

async Task Throughput()
{
    var total = int.TryParse(Environment.GetEnvironmentVariable("SANDBOX_BENCH_RUNS"), out var t) ? t : 200;
    var cores = Environment.ProcessorCount;
    for (var i = 0; i < 40; i++) await Engine(); // warm-up: the JIT's tier-up of the hot paths, not a cost per run
    var loadBefore = LoadAverage();
    var bareBefore = await BareThroughput(total / 2, cores);
    var cpuBefore = EngineCpuMs();
    var selfBefore = SelfCpuMs(children: false);
    var clock = Stopwatch.StartNew();
    // (the runner allows deep queues: this measures throughput, not admission control)
    var tasks = Enumerable.Range(0, total).Select(i => runner.RunAsync(new RunRequest("python", hello, OwnerKey: $"owner{i % 8}"))).ToList();
    var results = await Task.WhenAll(tasks);
    clock.Stop();
    var engineCpu = (EngineCpuMs() - cpuBefore) / total;
    var selfCpu = (SelfCpuMs(children: false) - selfBefore) / total;
    var bareAfter = await BareThroughput(total / 2, cores);
    var loadAfter = LoadAverage();
    var ok = results.Count(r => r.Status == RunStatus.Ok && r.Stdout == "hello\n");
    var rate = total / clock.Elapsed.TotalSeconds;
    var bareRate = (bareBefore + bareAfter) / 2;
    Console.WriteLine($"throughput: {total} python hello runs on {cores} cores in {clock.Elapsed.TotalSeconds:F2} s = {rate:F1} runs/s ({ok} ok), " +
        $"{runner.Options.MaxConcurrentRuns} workers, {runner.Options.WarmSandboxes?.ToString() ?? "default"} warm");
    Console.WriteLine($"baseline: bare python hello, {cores} at a time: {bareBefore:F1} runs/s before, {bareAfter:F1} after; " +
        $"engine / bare = {rate / bareRate:F2} (load average {loadBefore} before, {loadAfter} after)");
    // CPU per run does not depend on what else the machine is doing; cores / CPU per run is the throughput an
    // otherwise idle machine would reach if nothing else limited it.
    var bareCpuBefore = CpuMs();
    for (var i = 0; i < 50; i++) await Bare();
    var bareCpu = (CpuMs() - bareCpuBefore) / 50;
    Console.WriteLine($"CPU per run: engine {engineCpu:F1} ms (runner process {selfCpu:F1} ms, sandboxes {engineCpu - selfCpu:F1} ms), " +
        $"bare python {bareCpu:F1} ms (this process included); CPU-bound capacity {cores * 1000 / engineCpu:F0} runs/s");
}

async Task Languages()
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

// Bare python hello runs per second, `parallel` at a time (each loop starts the next as soon as one ends).
async Task<double> BareThroughput(int count, int parallel)
{
    var left = count;
    var clock = Stopwatch.StartNew();
    await Task.WhenAll(Enumerable.Range(0, parallel).Select(async _ =>
    {
        while (Interlocked.Decrement(ref left) >= 0) await Bare();
    }));
    return count / clock.Elapsed.TotalSeconds;
}

async Task<double> Bare()
{
    var clock = Stopwatch.StartNew();
    var psi = new ProcessStartInfo("/usr/bin/python3", [helloFile]) { RedirectStandardOutput = true, RedirectStandardError = true };
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

// utime + stime + cutime + cstime of this process, from /proc/self/stat (clock ticks of 10 ms): bare python's CPU.
static double CpuMs() => SelfCpuMs(children: true);

static double SelfCpuMs(bool children)
{
    var fields = File.ReadAllText("/proc/self/stat").Split(')')[1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
    var ticks = long.Parse(fields[11]) + long.Parse(fields[12]);
    if (children) ticks += long.Parse(fields[13]) + long.Parse(fields[14]);
    return ticks * 10.0;
}

// The engine's CPU: this process itself plus its runner's cgroup branch, which every sandbox process joins first
// thing (launcher, bwrap, its init, the program). Reaped children are not added: they were billed to that branch,
// and bwrap's init is not even our descendant once the outer bwrap has exited (the host's init reaps it).
double EngineCpuMs()
{
    var branch = Directory.GetDirectories(Path.Combine(runner.Options.CgroupRoot, "cpuacct", runner.Options.CgroupName), $"{Environment.ProcessId}-*").Single();
    return SelfCpuMs(children: false) + long.Parse(File.ReadAllText(Path.Combine(branch, "cpuacct.usage")).Trim()) / 1e6;
}

static string LoadAverage() => string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));

static double Median(List<double> xs) => xs.Order().ElementAt(xs.Count / 2);
static double P90(List<double> xs) => xs.Order().ElementAt(xs.Count * 9 / 10);
