namespace Interview.Sandbox.Tests;

/// <summary>
/// Every language of the catalog runs its own test program (languages/&lt;id&gt;/test.*): it prints OK (hello world)
/// and echoes stdin. A language whose runtime is missing fails here — the test command installs them all.
/// </summary>
public class LanguageTests
{
    public static readonly string[] Required = ["python", "javascript", "typescript", "c", "cpp", "java", "go", "csharp", "rust", "bash"];

    private static string[] LanguageIds() =>
        [.. Directory.GetDirectories(Path.Combine(AppContext.BaseDirectory, "languages")).Select(d => Path.GetFileName(d)!).Order()];

    public static TheoryData<string> Languages() => new(LanguageIds());

    [Fact]
    public void Catalog_has_every_required_language()
    {
        var ids = LanguageIds();
        Assert.All(Required, id => Assert.Contains(id, ids));
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task Hello_world_and_stdin_echo(string language)
    {
        var info = (await Sandbox.Runner.GetLanguagesAsync()).Single(l => l.Id == language);
        Assert.True(info.Available, info.Message);
        var program = Sandbox.Runner.GetLanguageTestProgram(language);
        Assert.NotNull(program);

        var result = await Sandbox.RunAsync(language, program, "hello from stdin\nsecond line\n");

        Assert.True(result.Status == RunStatus.Ok, Sandbox.Describe(result));
        Assert.Equal("OK\nhello from stdin\nsecond line\n", result.Stdout);
        Assert.Equal(0, result.ExitCode);
        Assert.False(result.Truncated);
    }

    [Fact]
    public async Task Languages_report_versions()
    {
        var languages = await Sandbox.Runner.GetLanguagesAsync();
        Assert.All(languages.Where(l => Required.Contains(l.Id)), l =>
        {
            Assert.True(l.Available, l.Message);
            Assert.False(string.IsNullOrEmpty(l.Version), $"{l.Id} has no version");
            Assert.Matches(@"^\d", l.Version!);
        });
    }

    [Fact]
    public async Task Compile_error_is_reported_with_the_compiler_output()
    {
        var result = await Sandbox.RunAsync("c", "int main(void) { return undefined_name; }\n");

        Assert.Equal(RunStatus.CompileError, result.Status);
        Assert.Contains("undefined_name", result.CompileOutput);
        Assert.Null(result.ExitCode);
        Assert.Equal("", result.Stdout);
    }

    [Fact]
    public async Task Unknown_language_is_refused_before_queueing()
    {
        await Assert.ThrowsAsync<UnknownLanguageException>(() => Sandbox.RunAsync("cobol", "DISPLAY 'HI'."));
    }
}
