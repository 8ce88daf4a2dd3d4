using Interview.Web.Features.Rooms;

namespace Interview.Web.Features.Watch;

/// <summary>
/// The one place that decides who controls playback. "Hosts" are the room's creator today
/// (<see cref="Participant.IsOwner"/>); when rooms get roles, this is where hosts become interviewers.
/// </summary>
internal static class WatchPermissions
{
    public static bool IsHost(Participant participant) => participant.IsOwner;

    /// <summary>The same rule on the view Blazor renders from (it only enables the setting's picker).</summary>
    public static bool IsHost(ParticipantView participant) => participant.IsOwner;

    public static bool CanControl(WatchControl control, Participant participant) =>
        control == WatchControl.Everyone || IsHost(participant);

    /// <summary>Only hosts change who controls playback.</summary>
    public static bool CanChangeControl(Participant participant) => IsHost(participant);

    public const string HostsOnly = "Only the room's hosts can control playback in this room.";
    public const string HostsChangeSetting = "Only the room's hosts can change who controls playback.";
}
