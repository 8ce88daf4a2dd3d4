namespace Interview.Cli.Crdt;

internal static class CrdtVerbs
{
    public static int Run(string[] args) => throw new CliException("crdt verbs are not available yet");
}
