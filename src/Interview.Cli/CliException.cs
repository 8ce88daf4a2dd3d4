namespace Interview.Cli;

/// <summary>A usage error or malformed input: printed as one line on stderr, exit code 2.</summary>
public sealed class CliException(string message) : Exception(message);
