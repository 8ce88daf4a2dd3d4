using System.Diagnostics;
using Interview.Sandbox;

// Sandbox benchmarks, all measured in one process run so the ratios compare like with like:
//   1. python hello through the engine vs bare python (both started from this .NET process, sequentially);
//   2. hello runs per second with every core busy;
//   3. compile + run time of each language's test program.
var sections = args.Length > 0 ? args : ["overhead", "throughput", "languages"];
var hello = "print('hello')\n";
using var runner = new LocalSandboxRunner();

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
        bare.Add(await Bare(helloFile));
        engine.Add(await Engine());
    }
    File.Delete(helloFile);
    var (b, e) = (Median(bare), Median(engine));
    Console.WriteLine($"python hello, median of {n}: bare {b:F1} ms, engine {e:F1} ms, ratio {e / b:F2}x (p90 bare {P90(bare):F1} ms, engine {P90(engine):F1} ms)");
}

if (sections.Contains("throughput"))
{
    var total = 200;
    var clock = Stopwatch.StartNew();
    var tasks = Enumerable.Range(0, total).Select(i => runner.RunAsync(new RunRequest("python", hello, OwnerKey: $"owner{i % 8}"))).ToList();
    var results = await Task.WhenAll(tasks);
    clock.Stop();
    var ok = results.Count(r => r.Status == RunStatus.Ok && r.Stdout == "hello\n");
    Console.WriteLine($"throughput: {total} python hello runs on {Environment.ProcessorCount} cores in {clock.Elapsed.TotalSeconds:F2} s = {total / clock.Elapsed.TotalSeconds:F1} runs/s ({ok} ok)");
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

static double Median(List<double> xs) => xs.Order().ElementAt(xs.Count / 2);
static double P90(List<double> xs) => xs.Order().ElementAt(xs.Count * 9 / 10);
