namespace Interview.Web.Shared.Hosting;

/// <summary>
/// A setting that keeps the host from starting (a bad value, a service it names that does not answer). The host prints
/// the message alone, without a stack trace, and exits with status 2.
/// </summary>
public sealed class StartupException(string message, Exception? inner = null) : Exception(message, inner);
