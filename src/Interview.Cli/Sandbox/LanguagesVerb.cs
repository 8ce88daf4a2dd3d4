namespace Interview.Cli.Sandbox;

internal static class LanguagesVerb
{
    public static int Run(string[] args) => throw new CliException("languages is not available yet");
}
