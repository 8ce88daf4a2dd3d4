using Interview.Web.Shared.Cluster;
using Interview.Web.Shared.Hosting;
using Interview.Web.Shared.Security;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace Interview.Web.Features.Rooms;

public static class RoomsEndpoints
{
    public static void AddRooms(this WebApplicationBuilder builder)
    {
        builder.AddSettings<RoomOptions>(RoomOptions.Section);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<IRoomStore, RoomStore>();
        // A room is a grain (Cluster/RoomGrain) hosting its actor; this node reaches it through proxies (Cluster/RoomNode).
        builder.Services.AddSingleton<IRoomBroadcaster>(services => new HubRoomBroadcaster(
            services.GetRequiredService<IHubContext<RoomHub, IRoomClient>>(), services.GetRequiredService<Editor.YjsSockets>()));
        builder.Services.AddSingleton<RoomServices>();
        builder.Services.AddSingleton<Cluster.RoomLoader>();
        builder.Services.AddSingleton<Cluster.LocalHubConnections>();
        builder.Services.AddSingleton<Cluster.RoomNode>();
        builder.Services.AddHostedService(services => services.GetRequiredService<Cluster.RoomNode>());
        builder.Services.AddSingleton<IRoomRegistry, RoomRegistry>();
        builder.Services.AddSingleton<RoomExpiryService>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<RoomExpiryService>());
        builder.Services.AddSingleton<HubCallRateLimitFilter>();
        builder.Services.AddSingleton<RoomUnavailableFilter>();
        builder.Services.AddRateLimiter(limiter => limiter.AddPolicy<string, RoomCreationLimit>(RoomCreationLimit.Policy));

        var maxMessage = builder.Configuration.GetValue<int?>($"{HostingOptions.Section}:{nameof(HostingOptions.MaxHubMessageBytes)}")
            ?? new HostingOptions().MaxHubMessageBytes;
        var signalR = builder.Services.AddSignalR(hub =>
            {
                // Deliberate: large enough for a 2,000-character chat message and room events, small enough that a
                // client cannot make the server buffer megabytes. Features with bigger payloads send them in chunks.
                hub.MaximumReceiveMessageSize = maxMessage;
                hub.EnableDetailedErrors = false;
                hub.AddFilter<HubCallRateLimitFilter>();
                hub.AddFilter<RoomUnavailableFilter>();
            })
            .AddMessagePackProtocol();
        // A member that does not read must not hold up the room's broadcasts (SlowHubClientGuard), on one node or many.
        var lifetime = builder.AddHubLifetime<RoomHub>(signalR);
        builder.Services.AddSingleton<HubLifetimeManager<RoomHub>>(services => new SlowHubClientGuard<RoomHub>(lifetime(services)));
    }

    public static void MapRooms(this WebApplication app)
    {
        app.UseWhen(context => context.Request.Path.StartsWithSegments("/hubs"),
            branch => branch.UseMiddleware<OriginCheckMiddleware>());
        var slowClient = TimeSpan.FromSeconds(app.Services.GetRequiredService<IOptions<HostingOptions>>().Value.SlowClientSeconds);
        app.MapHub<RoomHub>(RoomHub.Path, connection => connection.TransportSendTimeout = slowClient);
        app.UseRateLimiter();

        app.MapPost("/rooms", CreateRoomAsync).DisableAntiforgery().RequireRateLimiting(RoomCreationLimit.Policy);
    }

    /// <summary>The home page's form: validates its antiforgery token, creates the room, marks the creator, redirects.</summary>
    private static async Task<IResult> CreateRoomAsync(HttpContext context, IRoomRegistry rooms, IAntiforgery antiforgery)
    {
        if (!await antiforgery.IsRequestValidAsync(context))
            return Results.Text("This form has expired. Go back, reload the page and try again.", statusCode: StatusCodes.Status400BadRequest);
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        int? capacity = int.TryParse(form["capacity"], out var seats) ? seats : null;
        var access = new RoomAccess(RequireInvite: form["requireInvite"] == "on", Lobby: form["lobby"] == "on");
        var room = await rooms.CreateAsync(form["title"], capacity, access, context.RequestAborted);
        OwnerCookie.Set(context.Response, room, context.Request.IsHttps);
        return Results.Redirect(RoomPaths.Room(room.Id));
    }
}

/// <summary>The room's URLs.</summary>
public static class RoomPaths
{
    public static string Room(string roomId) => "/r/" + roomId;
}
