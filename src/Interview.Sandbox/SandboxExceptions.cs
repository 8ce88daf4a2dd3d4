namespace Interview.Sandbox;

/// <summary>The run queue is full. Nothing was queued; try again in a moment.</summary>
public sealed class SandboxBusyException(string message) : Exception(message);

/// <summary>No language has this id, or its runtime is not installed on this machine.</summary>
public sealed class UnknownLanguageException(string message) : Exception(message);
