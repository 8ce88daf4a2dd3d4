using System.Text.Json.Serialization;

namespace Interview.Sandbox.Catalog;

/// <summary>
/// One language, read from <c>languages/&lt;id&gt;/language.json</c>. Strings may use placeholders:
/// <c>{dotnetRoot}</c> (the .NET installation this process runs on), <c>{memoryMb}</c> and <c>{heapMb}</c> (the
/// step's memory limit and 75 % of it), <c>{heapLimitHex}</c> (75 % of it in bytes, hexadecimal).
/// </summary>
internal sealed record LanguageDefinition
{
    /// <summary>The id used by clients (<c>python</c>); equals the directory name.</summary>
    public required string Id { get; init; }

    /// <summary>Display name.</summary>
    public required string Name { get; init; }

    /// <summary>File the source is written to in the work directory (<c>main.py</c>, <c>Main.java</c>).</summary>
    public required string SourceFile { get; init; }

    /// <summary>Host paths that must exist for the language to be available (the interpreter, the compiler).</summary>
    public string[] Requires { get; init; } = [];

    /// <summary>Extra host paths bound read-only at the same place in every sandbox (runtimes outside /usr).</summary>
    public string[] Binds { get; init; } = [];

    /// <summary>How to learn the version: a command run on the host, or a file to read, and a regex whose first
    /// group (or whole match) is the version.</summary>
    public VersionProbe? Version { get; init; }

    /// <summary>Compile command (argv), run in the work directory inside its own sandbox step; null for
    /// interpreted languages.</summary>
    public string[]? Compile { get; init; }

    /// <summary>Run command (argv), run in the work directory.</summary>
    public required string[] Run { get; init; }

    /// <summary>Environment of both steps, added to the sandbox's minimal one.</summary>
    public Dictionary<string, string> Env { get; init; } = [];

    /// <summary>Environment of the compile step only.</summary>
    public Dictionary<string, string> CompileEnv { get; init; } = [];

    /// <summary>Language-specific limit defaults for the program (e.g. more memory for the JVM).</summary>
    public RunLimits? Limits { get; init; }

    /// <summary>Language-specific limit defaults for the compile step.</summary>
    public RunLimits? CompileLimits { get; init; }

    /// <summary>The test program beside language.json (<c>test.py</c>): it prints <c>OK</c>, then echoes stdin.</summary>
    [JsonIgnore] public string? TestFile { get; init; }
}

/// <summary>See <see cref="LanguageDefinition.Version"/>.</summary>
internal sealed record VersionProbe(string[]? Command, string? File, string? Regex);
