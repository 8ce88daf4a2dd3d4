namespace Interview.Cli.Sandbox;

internal static class RunVerb
{
    public static int Run(string[] args) => throw new CliException("run is not available yet");
}
