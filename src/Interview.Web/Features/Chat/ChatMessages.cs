namespace Interview.Web.Features.Chat;

/// <summary>A chat message as stored and sent to every participant. <see cref="Seq"/> orders the room's messages.</summary>
public sealed record ChatMessage(long Seq, string ParticipantId, string AuthorName, string Text, DateTimeOffset SentAt);

/// <summary>A validated message not yet stored.</summary>
public sealed record ChatDraft(string ParticipantId, string AuthorName, string Text, DateTimeOffset SentAt);
