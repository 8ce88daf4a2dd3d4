namespace Interview.Web.Features.Proctoring;

/// <summary>
/// How a candidate is recognised across reconnects and server restarts: by who they are to the outside system,
/// never by the name they type. The key is the room and the named invite's user id, else the invite's id, else
/// (an open room's candidate without an invite) the participant itself. A second participant holding the same
/// identity at the same time (a shared link) gets a card of their own, so nobody hides behind another's card.
/// Keys before this scheme were <c>room/display name</c>; those stored cards still load as they were and never
/// match a new key (<c>room#…</c>).
/// </summary>
public static class CandidateKeys
{
    public static string For(string roomId, RoomMember member) => roomId + "#" + member switch
    {
        { UserId: { } userId } => "u:" + userId,
        { InviteId: { } inviteId } => "i:" + inviteId,
        _ => "p:" + member.ParticipantId,
    };

    /// <summary>The card of a participant sharing <paramref name="identityKey"/> with someone already on the dashboard.</summary>
    public static string Extra(string identityKey, string participantId) => identityKey + "#" + participantId;
}
