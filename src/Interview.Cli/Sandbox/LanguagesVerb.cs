using System.Text.Json;
using Interview.Sandbox;

namespace Interview.Cli.Sandbox;

/// <summary><c>languages [--json]</c>: the sandbox's languages with ids and versions; unavailable ones say why.</summary>
internal static class LanguagesVerb
{
    public static int Run(string[] args)
    {
        var reader = new ArgReader(args, [], ["--json"]);
        if (reader.Positionals.Count > 0) throw new CliException($"unexpected argument {reader.Positionals[0]}");
        var languages = LocalSandboxRunner.ListLanguagesAsync().GetAwaiter().GetResult();
        if (reader.Flag("--json"))
        {
            Console.Out.WriteLine(JsonSerializer.Serialize(languages, new JsonSerializerOptions
            {
                PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
                Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            }));
            return 0;
        }
        foreach (var l in languages)
        {
            var line = $"{l.Id,-12} {l.Version ?? "-",-12} {l.Name}";
            Console.Out.WriteLine(l.Available ? line : $"{line} (unavailable: {l.Message})");
        }
        return 0;
    }
}
