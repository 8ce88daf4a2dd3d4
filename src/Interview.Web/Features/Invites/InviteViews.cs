using Interview.Web.Features.Rooms;

namespace Interview.Web.Features.Invites;

public static class InviteViews
{
    public static InviteView From(InviteRecord invite) =>
        new(invite.Id, invite.Role, InviteService.Path(invite.Token), invite.DisplayName, invite.CreatedAt, invite.ExpiresAt, invite.RevokedAt is not null);
}
