using System.ComponentModel.DataAnnotations;

namespace Interview.Web.Features.Chat;

/// <summary>Chat limits, section <c>Chat</c> (environment: <c>INTERVIEW_Chat__RateLimitCount</c>, …).</summary>
public sealed class ChatOptions
{
    public const string Section = "Chat";

    /// <summary>Longest message, in characters (UTF-16 code units). Default 2,000.</summary>
    [Range(1, 100_000)]
    public int MaxLength { get; set; } = 2000;

    /// <summary>Messages one participant may send per <see cref="RateLimitWindowSeconds"/>. Default 10.</summary>
    [Range(1, 10_000)]
    public int RateLimitCount { get; set; } = 10;

    /// <summary>Length of the chat rate-limit window. Default 10 s.</summary>
    [Range(1, 3600)]
    public int RateLimitWindowSeconds { get; set; } = 10;

    /// <summary>Newest messages kept in memory and shown to a (late) joiner. Default 500.</summary>
    [Range(1, 100_000)]
    public int HistoryLimit { get; set; } = 500;
}
