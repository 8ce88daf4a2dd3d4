namespace Interview.Web.Features.Rooms;

/// <summary>
/// The room exists (or may) but could not be loaded now: its storage failed. Nothing was changed; the next attempt
/// loads it again.
/// </summary>
public sealed class RoomUnavailableException(string roomId, Exception? inner)
    : Exception($"Room {roomId} could not be loaded from storage or reached in the cluster.", inner)
{
    /// <summary>What a client is told.</summary>
    public const string ClientMessage = "This room cannot be opened right now: its storage or its server did not answer. Try again in a moment.";
}
