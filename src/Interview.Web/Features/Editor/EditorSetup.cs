using Interview.Web.Shared.Cluster;
using Interview.Web.Shared.Hosting;
using Interview.Web.Features.Rooms;
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
        builder.Services.AddSingleton<IDocumentStore, DocumentStore>();
        builder.Services.AddSingleton<IEditorBroadcaster, HubEditorBroadcaster>();
        builder.Services.AddSingleton<EditorServices>();
        builder.Services.AddSingleton<EditorMetrics>();
        builder.Services.AddSingleton<YjsSocketLimiter>();
        builder.Services.AddSingleton<EditorHubFilter>();
        builder.Services.AddSingleton<YjsSockets>();
        builder.Services.Configure<HubOptions>(hub => hub.AddFilter<EditorHubFilter>());
    }

    /// <summary><c>/yjs/{roomId}</c>: the room's document for stock y-websocket clients (docs/protocol.md).</summary>
    public static void MapEditor(this WebApplication app)
    {
        // A peer that answers no ping in time is dropped (and its cursors with it), not kept until TCP notices.
        var keepAlive = TimeSpan.FromSeconds(app.Services.GetRequiredService<IOptions<HostingOptions>>().Value.WebSocketKeepAliveSeconds);
        app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = keepAlive, KeepAliveTimeout = keepAlive });
        app.UseWhen(context => context.Request.Path.StartsWithSegments("/yjs"),
            branch => branch.UseMiddleware<OriginCheckMiddleware>());
        app.Map("/yjs/{roomId}", YjsAsync);
    }

    /// <summary>
    /// A stock client joins the room as a participant through the same checks as the hub: the owner cookie, or
    /// <c>?invite=TOKEN</c>, or an open room; <c>?session=KEY</c> resumes the participant holding that session key
    /// (a person's hub connection and socket are one participant), otherwise the socket is a participant of its own
    /// named <c>?name=</c>. A refusal answers before the upgrade: 404 unknown room, 410 ended, 403 with the reason
    /// (invite required or invalid, removed, full, lobby: a socket cannot wait in one), 503 while the node refuses
    /// changes (<see cref="IWriteGate"/>).
    /// </summary>
    private static async Task<IResult> YjsAsync(string roomId, HttpContext context, IRoomRegistry rooms, IOptions<EditorOptions> options,
        Invites.IInviteService invites, YjsSockets sockets, YjsSocketLimiter limiter, EditorMetrics metrics, IWriteGate gate)
    {
        if (!context.WebSockets.IsWebSocketRequest) return Results.Text("Connect with a WebSocket (y-websocket protocol).", statusCode: StatusCodes.Status400BadRequest);
        if (gate.Refusal is { } refusal) return Results.Text(refusal, statusCode: StatusCodes.Status503ServiceUnavailable);
        if (await rooms.FindAsync(roomId, context.RequestAborted) is not { } room) return Results.NotFound();
        var query = context.Request.Query;
        var sessionKey = query["session"] is [{ Length: > 0 } given] ? given : RoomTokens.NewSecret();
        if (!RoomValidation.IsSessionKey(sessionKey)) return Results.Text(RoomValidation.SessionKeyRule, statusCode: StatusCodes.Status400BadRequest);
        if (!RoomValidation.TryDisplayName(query["name"] is [{ } name] ? name : DefaultName, out var displayName, out var nameError))
            return Results.Text(nameError, statusCode: StatusCodes.Status400BadRequest);
        var ownerToken = context.Request.Cookies[OwnerCookie.Name(room.Id)];
        var invite = query["invite"] is [{ Length: > 0 } token] ? await invites.VerifyAsync(token, room.Id, context.RequestAborted) : null;

        var address = context.Connection.RemoteIpAddress?.ToString() ?? "";
        using var place = limiter.TryEnter(room.Id, address, options.Value, out var full);
        if (place is null) return Results.Text(full, statusCode: StatusCodes.Status429TooManyRequests);

        var connectionId = YjsSockets.NewConnectionId();
        using var handle = sockets.Open(connectionId);
        var joined = await room.JoinAsync(new JoinRequest(room.Id, displayName, sessionKey), connectionId,
            new JoinCredentials(ownerToken, invite), EditorTransport.WebSocket);
        if (joined.Status != JoinStatus.Joined)
        {
            return joined.Status == JoinStatus.Ended
                ? Results.Text("The room has ended.", statusCode: StatusCodes.Status410Gone)
                : Results.Text(joined.Error ?? joined.Status.ToString(), statusCode: StatusCodes.Status403Forbidden);
        }
        try
        {
            using var socket = await context.WebSockets.AcceptWebSocketAsync();
            var connection = new YjsWebSocketConnection(socket, room, options.Value, connectionId, joined.ParticipantId!, metrics, gate);
            handle.Attach(connection.CloseByRoom);
            await connection.RunAsync(context.RequestAborted);
        }
        finally
        {
            await room.ConnectionLostAsync(connectionId, ConnectionLoss.Dropped);
        }
        return Results.Empty;
    }

    /// <summary>The display name of a socket that joins as a participant of its own without <c>?name=</c>.</summary>
    private const string DefaultName = "Editor client";
}
