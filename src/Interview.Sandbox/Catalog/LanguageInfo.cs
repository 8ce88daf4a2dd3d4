namespace Interview.Sandbox;

/// <summary>A language as listed to clients.</summary>
/// <param name="Id">The id to put in <see cref="RunRequest.Language"/>.</param>
/// <param name="Name">Display name.</param>
/// <param name="Version">The runtime's version, or null when unavailable or unknown.</param>
/// <param name="Available">False when the runtime is not installed on this machine.</param>
/// <param name="SourceFile">The file name the source is written to.</param>
/// <param name="Message">Why the language is unavailable, or null.</param>
public sealed record LanguageInfo(string Id, string Name, string? Version, bool Available, string SourceFile, string? Message);
