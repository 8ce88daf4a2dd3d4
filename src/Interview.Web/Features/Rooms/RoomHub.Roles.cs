using Interview.Web.Features.Invites;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.SignalR;

namespace Interview.Web.Features.Rooms;

/// <summary>
/// Interviewer powers over the hub: the lobby, room settings (lobby, editor lock), mute, remove, and invite links.
/// The room actor checks the caller's role for each; a refusal reaches the caller as a <see cref="HubException"/>.
/// </summary>
public sealed partial class RoomHub
{
    public async Task Admit(string participantId)
    {
        var (room, self) = Current();
        Refuse(await room.AdmitAsync(self, participantId ?? ""));
    }

    public async Task Deny(string participantId)
    {
        var (room, self) = Current();
        Refuse(await room.DenyAsync(self, participantId ?? ""));
    }

    public async Task ChangeRoomSettings(RoomSettingsRequest request)
    {
        var (room, self) = Current();
        Refuse(await room.ChangeSettingsAsync(self, request ?? new RoomSettingsRequest()));
    }

    public async Task MuteParticipant(string participantId)
    {
        var (room, self) = Current();
        Refuse(await room.MuteAsync(self, participantId ?? ""));
    }

    public async Task RemoveParticipant(string participantId)
    {
        var (room, self) = Current();
        Refuse(await room.RemoveParticipantAsync(self, participantId ?? ""));
    }

    public async Task<InviteView> CreateInvite(CreateInviteRequest request, [FromServices] IInviteService invites)
    {
        var (room, self) = await InterviewerAsync("create invite links");
        if (request is null) throw new HubException("Say which role the invite is for.");
        try
        {
            var lifetime = request.LifetimeHours is { } hours ? TimeSpan.FromHours(hours) : (TimeSpan?)null;
            var invite = await invites.MintAsync(new InviteDraft(room.Id, request.Role, lifetime, request.DisplayName, CreatedBy: self));
            return Invites.InviteViews.From(invite);
        }
        catch (Exception e) when (e is InviteRequestException or OverflowException or ArgumentException)
        {
            throw new HubException(e is InviteRequestException ? e.Message : "The lifetime is out of range.");
        }
    }

    public async Task<IReadOnlyList<InviteView>> ListInvites([FromServices] IInviteService invites)
    {
        var (room, _) = await InterviewerAsync("see the invite links");
        return [.. (await invites.ListAsync(room.Id)).Select(Invites.InviteViews.From)];
    }

    public async Task RevokeInvite(string inviteId, [FromServices] IInviteService invites)
    {
        var (room, _) = await InterviewerAsync("revoke invite links");
        if (!await invites.RevokeAsync(room.Id, inviteId ?? "")) throw new HubException("This room has no such invite.");
    }

    private async Task<(IRoom Room, string ParticipantId)> InterviewerAsync(string action)
    {
        var (room, self) = Current();
        if (await room.RoleOfAsync(self) is not { } role || !RolePolicy.CanModerate(role)) throw new HubException($"Only interviewers can {action}.");
        return (room, self);
    }

    private static void Refuse(string? error)
    {
        if (error is not null) throw new HubException(error);
    }
}
