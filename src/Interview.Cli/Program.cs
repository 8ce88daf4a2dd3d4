using Interview.Cli;

// The `interview` command: a table of verbs. Each verb group lives in its own folder.
try
{
    return args switch
    {
        ["crdt", .. var rest] => Interview.Cli.Crdt.CrdtVerbs.Run(rest),
        ["run", .. var rest] => Interview.Cli.Sandbox.RunVerb.Run(rest),
        ["languages", .. var rest] => Interview.Cli.Sandbox.LanguagesVerb.Run(rest),
        ["--help" or "-h" or "help"] => Usage.Print(Console.Out, 0),
        _ => Usage.Print(Console.Error, 2),
    };
}
catch (CliException e)
{
    Console.Error.WriteLine($"interview: {e.Message}");
    return 2;
}
