using System.Collections.Immutable;
using System.Data.Common;
using Interview.Web.Features.Rooms;
using Interview.Web.Shared.Persistence;

namespace Interview.Web.Features.Chat;

/// <summary>
/// The room's chat: the recent history (at most <see cref="ChatOptions.HistoryLimit"/> messages) and posting, which
/// validates, rate-limits per participant, stores (acknowledged only after the insert commits) and broadcasts.
/// </summary>
internal sealed class RoomChat(IRoomScope room, IRoomStore store, ChatOptions options, IReadOnlyList<ChatMessage> history)
{
    /// <summary>The recent messages, oldest first (read on the room's loop, and by its snapshot).</summary>
    public ImmutableList<ChatMessage> Messages { get; private set; } = [.. history];

    public Task<ChatPostResult> PostAsync(string participantId, string? text) => room.Enqueue(async () =>
    {
        if (room.Ended) return new ChatPostResult(null, "This room has ended.");
        if (!room.Participants.TryGetValue(participantId, out var author)) return new ChatPostResult(null, "Join the room before chatting.");
        if (ChatText.Validate(text, options.MaxLength, out var normalized) is { } error) return new ChatPostResult(null, error);

        var now = room.Time.GetUtcNow();
        var window = TimeSpan.FromSeconds(options.RateLimitWindowSeconds);
        if (author.TryTakeChatSlot(now, options.RateLimitCount, window) is { } wait)
        {
            return new ChatPostResult(null,
                $"Slow down: at most {options.RateLimitCount} messages per {options.RateLimitWindowSeconds} s. " +
                $"Try again in {Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds))} s.");
        }

        ChatMessage message;
        try
        {
            message = await store.AppendChatAsync(room.Id, new ChatDraft(author.Id, author.DisplayName, normalized, now));
        }
        catch (DbException)
        {
            return new ChatPostResult(null, "The message could not be saved; try again.");
        }
        Messages = Messages.Add(message);
        if (Messages.Count > options.HistoryLimit) Messages = Messages.RemoveRange(0, Messages.Count - options.HistoryLimit);
        await room.Everyone.ChatPosted(message);
        return new ChatPostResult(message, null);
    });
}
