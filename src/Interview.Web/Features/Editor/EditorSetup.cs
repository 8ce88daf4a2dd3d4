using Interview.Web.Shared.Hosting;
using Interview.Web.Features.Rooms;
using Interview.Web.Shared.Persistence;
using Interview.Web.Shared.Security;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace Interview.Web.Features.Editor;

public static class EditorSetup
{
    /// <summary>The collaborative editor: options, document storage, the hub's editor group and connection filter.</summary>
    public static void AddEditor(this WebApplicationBuilder builder)
    {
        builder.AddSettings<EditorOptions>(EditorOptions.Section);
        builder.Services.AddSingleton<IDocumentStore, SqliteDocumentStore>();
        builder.Services.AddSingleton<IEditorBroadcaster, HubEditorBroadcaster>();
        builder.Services.AddSingleton<EditorServices>();
        builder.Services.AddSingleton<EditorMetrics>();
        builder.Services.AddSingleton<YjsSocketLimiter>();
        builder.Services.AddSingleton<EditorHubFilter>();
        builder.Services.Configure<HubOptions>(hub => hub.AddFilter<EditorHubFilter>());
    }

    /// <summary><c>/yjs/{roomId}</c>: the room's document for stock y-websocket clients (docs/protocol.md).</summary>
    public static void MapEditor(this WebApplication app)
    {
        // A peer that answers no ping for 20 s is dropped (and its cursors with it), not kept until TCP notices.
        app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.FromSeconds(20), KeepAliveTimeout = TimeSpan.FromSeconds(20) });
        app.UseWhen(context => context.Request.Path.StartsWithSegments("/yjs"),
            branch => branch.UseMiddleware<OriginCheckMiddleware>());
        app.Map("/yjs/{roomId}", YjsAsync);
    }

    /// <summary>
    /// A stock client's role comes from <c>?invite=TOKEN</c>; without one it is a candidate, and an invite-only room
    /// refuses it (403).
    /// </summary>
    private static async Task<IResult> YjsAsync(string roomId, HttpContext context, IRoomRegistry rooms, IOptions<EditorOptions> options,
        Invites.IInviteService invites)
    {
        if (!context.WebSockets.IsWebSocketRequest) return Results.Text("Connect with a WebSocket (y-websocket protocol).", statusCode: StatusCodes.Status400BadRequest);
        if (await rooms.FindAsync(roomId, context.RequestAborted) is not { } room) return Results.NotFound();
        if (room.Snapshot.Room.Ended) return Results.Text("The room has ended.", statusCode: StatusCodes.Status410Gone);
        var role = ParticipantRole.Candidate;
        if (context.Request.Query["invite"] is [{ Length: > 0 } token])
        {
            var check = await invites.VerifyAsync(token, room.Id, context.RequestAborted);
            if (check.Claims is not { } claims) return Results.Text(check.Error, statusCode: StatusCodes.Status403Forbidden);
            role = claims.Role;
        }
        else if (room.Snapshot.Room.RequireInvite)
        {
            return Results.Text("This room admits only people with an invite link (?invite=…).", statusCode: StatusCodes.Status403Forbidden);
        }
        var address = context.Connection.RemoteIpAddress?.ToString() ?? "";
        using var place = context.RequestServices.GetRequiredService<YjsSocketLimiter>().TryEnter(room.Id, address, options.Value, out var full);
        if (place is null) return Results.Text(full, statusCode: StatusCodes.Status429TooManyRequests);
        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        await new YjsWebSocketConnection(socket, room, options.Value, role, context.RequestServices.GetRequiredService<EditorMetrics>())
            .RunAsync(context.RequestAborted);
        return Results.Empty;
    }
}
