namespace Interview.Cli;

internal static class Usage
{
    private const string Text = """
        usage: interview <verb> ...
          crdt apply --out OUT UPDATE...
          crdt json [--text NAME]... [--map NAME]... [--array NAME]... UPDATE...
          crdt sv --out OUT UPDATE...
          crdt diff --state-vector SV --out OUT UPDATE...
          crdt trace FILE.json[.gz]
          run --language LANG FILE [--stdin FILE] [--time-limit-ms N] [--memory-limit-mb N]
          languages [--json]
        """;

    public static int Print(TextWriter writer, int exitCode)
    {
        writer.WriteLine(Text);
        return exitCode;
    }
}
