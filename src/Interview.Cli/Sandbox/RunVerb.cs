using Interview.Sandbox;

namespace Interview.Cli.Sandbox;

/// <summary>
/// <c>run --language LANG FILE [--stdin FILE] [--time-limit-ms N] [--memory-limit-mb N]</c>: runs FILE in the
/// sandbox and prints one JSON object (DESIGN §4). Exit 0 whenever the run was carried out (whatever the program
/// did), 1 when the sandbox itself failed (status internal_error, JSON still printed), 2 for usage errors.
/// </summary>
internal static class RunVerb
{
    public static int Run(string[] args)
    {
        var reader = new ArgReader(args, ["--language", "--stdin", "--time-limit-ms", "--memory-limit-mb"]);
        if (reader.Positionals is not [var file]) throw new CliException("run needs exactly one source FILE");
        var language = reader.Required("--language");
        var limits = new RunLimits(
            CpuTimeMs: reader.OptionalInt("--time-limit-ms", 1, int.MaxValue),
            MemoryMb: reader.OptionalInt("--memory-limit-mb", 1, int.MaxValue));
        var source = ReadFile(file, "source file");
        var stdin = reader.Optional("--stdin") is { } stdinFile ? ReadFile(stdinFile, "stdin file") : null;

        LocalSandboxRunner runner;
        try
        {
            runner = new LocalSandboxRunner(new SandboxOptions { MaxConcurrentRuns = 1, WarmSandboxes = 0 });
        }
        catch (InvalidOperationException e)
        {
            throw new CliException(e.Message);
        }
        using (runner)
        {
            try
            {
                var result = runner.RunAsync(new RunRequest(language, source, stdin, "cli", limits)).GetAwaiter().GetResult();
                Console.Out.WriteLine(result.ToJson());
                if (result.Status != RunStatus.InternalError) return 0;
                // The sandbox failed, so the run was not carried out: the JSON says why, and so does the exit code.
                Console.Error.WriteLine($"interview: sandbox failure: {result.Message}");
                return 1;
            }
            catch (UnknownLanguageException e)
            {
                throw new CliException(e.Message);
            }
            catch (ArgumentOutOfRangeException e)
            {
                throw new CliException(e.Message.Split('(')[0].Trim());
            }
        }
    }

    private static string ReadFile(string path, string what)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"cannot read {what} {path}: {e.Message}");
        }
    }
}
