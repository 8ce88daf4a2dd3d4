using Interview.Web.Features.Rooms;

namespace Interview.Web.Features.Watch;

/// <summary>
/// The one place that decides who controls playback. "Hosts" are the room's interviewers
/// (<see cref="RolePolicy.CanModerate"/>), the creator among them.
/// </summary>
internal static class WatchPermissions
{
    public static bool IsHost(Participant participant) => RolePolicy.CanModerate(participant.Role);

    /// <summary>The same rule on the view Blazor renders from (it only enables the setting's picker).</summary>
    public static bool IsHost(ParticipantView participant) => RolePolicy.CanModerate(participant.Role);

    public static bool CanControl(WatchControl control, Participant participant) =>
        control == WatchControl.Everyone || IsHost(participant);

    /// <summary>Only hosts change who controls playback.</summary>
    public static bool CanChangeControl(Participant participant) => IsHost(participant);

    public const string HostsOnly = "Only the room's interviewers can control playback in this room.";
    public const string HostsChangeSetting = "Only the room's interviewers can change who controls playback.";
}
