using System.Data.Common;
using Interview.Web.Features.Chat;

namespace Interview.Web.Features.Rooms;

internal sealed partial class RoomActor
{
    /// <summary>Validates, rate-limits, stores (acknowledged only after commit) and broadcasts a chat message.</summary>
    public Task<ChatPostResult> PostChatAsync(string participantId, string? text) => Enqueue(async () =>
    {
        if (_record.EndedAt is not null) return new ChatPostResult(null, "This room has ended.");
        if (!_participants.TryGetValue(participantId, out var author)) return new ChatPostResult(null, "Join the room before chatting.");
        if (ChatText.Validate(text, _chatOptions.MaxLength, out var normalized) is { } error) return new ChatPostResult(null, error);

        var now = _time.GetUtcNow();
        var window = TimeSpan.FromSeconds(_chatOptions.RateLimitWindowSeconds);
        if (author.TryTakeChatSlot(now, _chatOptions.RateLimitCount, window) is { } wait)
        {
            return new ChatPostResult(null,
                $"Slow down: at most {_chatOptions.RateLimitCount} messages per {_chatOptions.RateLimitWindowSeconds} s. " +
                $"Try again in {Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds))} s.");
        }

        ChatMessage message;
        try
        {
            message = await _store.AppendChatAsync(Id, new ChatDraft(author.Id, author.DisplayName, normalized, now));
        }
        catch (DbException)
        {
            return new ChatPostResult(null, "The message could not be saved; try again.");
        }
        _chat = _chat.Add(message);
        if (_chat.Count > _chatOptions.HistoryLimit) _chat = _chat.RemoveRange(0, _chat.Count - _chatOptions.HistoryLimit);
        await Room.ChatPosted(message);
        return new ChatPostResult(message, null);
    });
}
