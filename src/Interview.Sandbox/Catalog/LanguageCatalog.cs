using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Interview.Sandbox.Catalog;

/// <summary>
/// The languages found under <see cref="SandboxOptions.LanguagesDirectory"/>: one directory per language holding
/// <c>language.json</c> and a <c>test.&lt;ext&gt;</c>. Adding a language means adding a directory, no code.
/// </summary>
internal sealed class LanguageCatalog
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
    };

    private readonly Dictionary<string, LanguageDefinition> _languages;
    private readonly Lazy<Task<IReadOnlyList<LanguageInfo>>> _infos;

    public LanguageCatalog(string directory)
    {
        Directory = Path.GetFullPath(directory);
        DotnetRoot = FindDotnetRoot();
        _languages = new(StringComparer.Ordinal);
        if (!System.IO.Directory.Exists(Directory))
            throw new DirectoryNotFoundException($"languages directory {Directory} does not exist");
        foreach (var dir in System.IO.Directory.GetDirectories(Directory).Order(StringComparer.Ordinal))
        {
            var file = Path.Combine(dir, "language.json");
            if (!File.Exists(file)) continue;
            var def = JsonSerializer.Deserialize<LanguageDefinition>(File.ReadAllText(file), JsonOptions)
                ?? throw new InvalidDataException($"{file} is empty");
            if (def.Id != Path.GetFileName(dir))
                throw new InvalidDataException($"{file}: id '{def.Id}' differs from its directory name");
            var test = System.IO.Directory.GetFiles(dir, "test.*").FirstOrDefault();
            _languages[def.Id] = Expand(def) with { TestFile = test };
        }
        _infos = new(() => ProbeAllAsync());
    }

    /// <summary>Absolute path of the languages directory (bound read-only at <c>/lang</c> in sandboxes).</summary>
    public string Directory { get; }

    /// <summary>The .NET installation this process runs on, which the C# language uses.</summary>
    public string DotnetRoot { get; }

    public IEnumerable<LanguageDefinition> All => _languages.Values;

    /// <summary>Host paths of every language's extra binds (all runtimes, read-only, in every sandbox).</summary>
    public IEnumerable<string> AllBinds => _languages.Values.SelectMany(l => l.Binds).Distinct(StringComparer.Ordinal);

    public bool TryGet(string id, out LanguageDefinition language) => _languages.TryGetValue(id, out language!);

    /// <summary>Null when the language can run here, else why not.</summary>
    public static string? Unavailability(LanguageDefinition language)
    {
        var missing = language.Requires.Where(p => !File.Exists(p) && !System.IO.Directory.Exists(p)).ToList();
        if (missing.Count > 0)
            return $"{language.Id} is not installed on this machine (missing {string.Join(", ", missing)}); run scripts/install-runtimes.sh";
        var hidden = language.Binds.FirstOrDefault(b => !TraversableByOthers(b));
        return hidden is null ? null
            : $"{language.Id}: the sandbox's unprivileged uid cannot reach {hidden} (a parent directory is not searchable by others); install the runtime elsewhere or make its parents o+x";
    }

    /// <summary>Whether every directory above <paramref name="path"/> lets "others" search it (bubblewrap runs as
    /// an unprivileged host uid and must reach what it binds).</summary>
    public static bool TraversableByOthers(string path)
    {
        if (OperatingSystem.IsWindows()) return true;
        for (var dir = Path.GetDirectoryName(path); !string.IsNullOrEmpty(dir) && dir != "/"; dir = Path.GetDirectoryName(dir))
        {
            if ((File.GetUnixFileMode(dir) & UnixFileMode.OtherExecute) == 0) return false;
        }
        return true;
    }

    public Task<IReadOnlyList<LanguageInfo>> GetInfosAsync() => _infos.Value;

    /// <summary>Replaces the memory placeholders for a step with the given memory limit.</summary>
    public static string ForStep(string text, int memoryMb)
    {
        var heapMb = memoryMb * 3 / 4;
        return text.Replace("{memoryMb}", memoryMb.ToString(), StringComparison.Ordinal)
            .Replace("{heapMb}", heapMb.ToString(), StringComparison.Ordinal)
            .Replace("{heapLimitHex}", ((long)heapMb << 20).ToString("x"), StringComparison.Ordinal);
    }

    private LanguageDefinition Expand(LanguageDefinition d)
    {
        string E(string s) => s.Replace("{dotnetRoot}", DotnetRoot, StringComparison.Ordinal);
        Dictionary<string, string> Env(Dictionary<string, string> env) => env.ToDictionary(kv => kv.Key, kv => E(kv.Value));
        var all = d.Run.Concat(d.Compile ?? []).Concat(d.Env.Values).Concat(d.CompileEnv.Values);
        if (all.Any(s => s.Contains('\n') || s.Contains('\0')))
            throw new InvalidDataException($"language {d.Id}: commands and environment must be single lines");
        return d with
        {
            Requires = [.. d.Requires.Select(E)],
            Binds = [.. d.Binds.Select(E)],
            Compile = d.Compile?.Select(E).ToArray(),
            Run = [.. d.Run.Select(E)],
            Env = Env(d.Env),
            CompileEnv = Env(d.CompileEnv),
            Version = d.Version is { } v ? v with { Command = v.Command?.Select(E).ToArray(), File = v.File is null ? null : E(v.File) } : null,
        };
    }

    private async Task<IReadOnlyList<LanguageInfo>> ProbeAllAsync()
    {
        var tasks = _languages.Values.Select(async l =>
        {
            var why = Unavailability(l);
            var version = why is null ? await ProbeVersionAsync(l).ConfigureAwait(false) : null;
            return new LanguageInfo(l.Id, l.Name, version, why is null, l.SourceFile, why);
        });
        return await Task.WhenAll(tasks).ConfigureAwait(false);
    }

    private static async Task<string?> ProbeVersionAsync(LanguageDefinition language)
    {
        if (language.Version is not { } probe) return null;
        try
        {
            string text;
            if (probe.File is not null) text = await File.ReadAllTextAsync(probe.File).ConfigureAwait(false);
            else if (probe.Command is [var exe, .. var args])
            {
                var psi = new ProcessStartInfo(exe) { RedirectStandardOutput = true, RedirectStandardError = true };
                foreach (var a in args) psi.ArgumentList.Add(a);
                using var p = Process.Start(psi)!;
                var stdout = p.StandardOutput.ReadToEndAsync();
                var stderr = p.StandardError.ReadToEndAsync();
                using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
                try
                {
                    await p.WaitForExitAsync(cts.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    p.Kill(entireProcessTree: true);
                    return null;
                }
                text = await stdout.ConfigureAwait(false) + "\n" + await stderr.ConfigureAwait(false);
            }
            else return null;
            var match = Regex.Match(text, probe.Regex ?? @"\d+(?:\.\d+)+");
            return !match.Success ? null : match.Groups.Count > 1 && match.Groups[1].Success ? match.Groups[1].Value : match.Value;
        }
        catch (Exception e) when (e is IOException or System.ComponentModel.Win32Exception or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static string FindDotnetRoot()
    {
        // The runtime directory is <root>/shared/Microsoft.NETCore.App/<version>/.
        var runtimeDir = RuntimeEnvironment.GetRuntimeDirectory().TrimEnd('/');
        var root = Path.GetDirectoryName(Path.GetDirectoryName(Path.GetDirectoryName(runtimeDir)));
        return root is not null && File.Exists(Path.Combine(root, "dotnet")) ? root : "/usr/share/dotnet";
    }
}
