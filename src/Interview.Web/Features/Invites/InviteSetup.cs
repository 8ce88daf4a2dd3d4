using Interview.Web.Features.Rooms;
using Interview.Web.Shared.Hosting;
using Interview.Web.Shared.Persistence;
using Microsoft.Extensions.Options;

namespace Interview.Web.Features.Invites;

public static class InviteSetup
{
    /// <summary>Invite links: options, the signing key (configured or kept in the data directory), storage, the service.</summary>
    public static void AddInvites(this WebApplicationBuilder builder)
    {
        builder.AddSettings<InviteOptions>(InviteOptions.Section);
        builder.Services.AddSingleton(sp => InviteKey.Load(
            sp.GetRequiredService<IOptions<InviteOptions>>().Value.SigningKey,
            sp.GetRequiredService<DataDirectory>().Path));
        builder.Services.AddSingleton<IInviteStore, InviteStore>();
        builder.Services.AddSingleton<IInviteService, InviteService>();
    }

    /// <summary><c>GET /i/{token}</c>: a short invite link; sends the browser to the room with the token.</summary>
    public static void MapInvites(this WebApplication app)
    {
        app.MapGet("/i/{token}", async (string token, IInviteService invites, CancellationToken cancellationToken) =>
        {
            var check = await invites.VerifyAsync(token, cancellationToken: cancellationToken);
            return check.Claims is { } claims
                ? Results.Redirect(RoomPaths.Room(claims.RoomId) + "?invite=" + Uri.EscapeDataString(token))
                : Results.Text(check.Error, statusCode: StatusCodes.Status403Forbidden);
        }).ExcludeFromDescription();
    }
}
