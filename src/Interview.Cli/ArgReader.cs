namespace Interview.Cli;

/// <summary>
/// Minimal option parser shared by the verbs: repeated <c>--name value</c> options, boolean flags and positionals.
/// Unknown options are usage errors.
/// </summary>
public sealed class ArgReader
{
    private readonly Dictionary<string, List<string>> _options = new(StringComparer.Ordinal);
    private readonly HashSet<string> _flags = new(StringComparer.Ordinal);

    public IReadOnlyList<string> Positionals { get; }

    public ArgReader(IReadOnlyList<string> args, IReadOnlyCollection<string> valueOptions, IReadOnlyCollection<string>? flags = null)
    {
        var positionals = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg.StartsWith("--", StringComparison.Ordinal) && arg.Length > 2)
            {
                if (flags?.Contains(arg) == true) { _flags.Add(arg); continue; }
                if (!valueOptions.Contains(arg)) throw new CliException($"unknown option {arg}");
                if (i + 1 >= args.Count) throw new CliException($"option {arg} needs a value");
                if (!_options.TryGetValue(arg, out var list)) _options[arg] = list = [];
                list.Add(args[++i]);
            }
            else positionals.Add(arg);
        }
        Positionals = positionals;
    }

    public bool Flag(string name) => _flags.Contains(name);

    public IReadOnlyList<string> All(string name) => _options.TryGetValue(name, out var l) ? l : [];

    public string? Optional(string name) => All(name) switch
    {
        [] => null,
        [var one] => one,
        _ => throw new CliException($"option {name} given more than once"),
    };

    public string Required(string name) => Optional(name) ?? throw new CliException($"missing option {name}");

    public int? OptionalInt(string name, int min, int max)
    {
        var text = Optional(name);
        if (text is null) return null;
        if (!int.TryParse(text, out var value) || value < min || value > max)
            throw new CliException($"option {name} must be an integer from {min} to {max}");
        return value;
    }
}
