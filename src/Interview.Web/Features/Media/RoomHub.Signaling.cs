using Interview.Web.Features.Media;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace Interview.Web.Features.Rooms;

/// <summary>
/// The call's hub methods: joining the call, media state, and WebRTC signaling addressed to one participant.
/// A signal is relayed only when the room actor confirms that the sender's connection is its participant's current
/// one and that the addressee is a connected participant of the same room; it then goes to that one connection.
/// </summary>
public sealed partial class RoomHub
{
    public async Task<MediaWelcome> JoinMedia(JoinMediaRequest request, [FromServices] IOptions<MediaOptions> options, [FromServices] TimeProvider time)
    {
        var (room, participantId) = Current();
        var state = request?.State ?? new MediaState(false, false, false, false);
        // TURN credentials only for an admitted participant on its current connection, as the room actor says: a
        // lobby waiter, a refused or a removed person gets an error and no credentials.
        var peers = await room.JoinMediaAsync(participantId, Context.ConnectionId, state, request?.Resume ?? false)
            ?? throw new HubException("This connection is no longer the participant's current one.");
        var role = await room.RoleOfAsync(participantId) ?? throw new HubException("You are no longer in this room.");
        // Kept apart from the room's own items: PageHidden forgets the room, and a LeaveMedia sent in the same
        // pagehide must still find the call it leaves.
        Context.Items[CallItem] = (room, participantId);
        var settings = options.Value;
        return new MediaWelcome(participantId, TurnCredentials.For(settings, participantId, time.GetUtcNow()), peers,
            settings.MaxFileBytes, settings.RelayMaxFileBytes, settings.IceTransportPolicy, RolePolicy.Name(role));
    }

    public async Task LeaveMedia()
    {
        if (Context.Items.Remove(CallItem, out var call) && call is (IRoom room, string participantId))
            await room.LeaveMediaAsync(participantId, Context.ConnectionId);
    }

    public async Task SetMediaState(MediaState state)
    {
        var (room, participantId) = Current();
        if (state is null || !await room.SetMediaStateAsync(participantId, state)) throw new HubException("Join the call first.");
    }

    /// <summary>Relays a description or candidate to one participant of the caller's room.</summary>
    public async Task<SignalStatus> Signal(SignalRequest request, [FromServices] IOptions<MediaOptions> options)
    {
        var (room, participantId) = Current();
        SignalValidation.Check(request, options.Value);
        var target = await room.SignalTargetAsync(participantId, Context.ConnectionId, request.To);
        if (target is null)
        {
            SignalLog.Refused(logger, room.Id, participantId, request.To);
            return SignalStatus.UnknownPeer;
        }
        await Clients.Client(target).Signal(new Signal(participantId, request.Description, request.Candidate, request.Bye));
        return SignalStatus.Relayed;
    }

    /// <summary>
    /// Relays one file-transfer message to a peer of the same room, for browsers with no direct path. The hub's
    /// message size limit bounds each frame; the per-connection call rate bounds the throughput.
    /// </summary>
    public async Task<SignalStatus> RelayFile(FileRelayRequest request, [FromServices] IOptions<MediaOptions> options)
    {
        var (room, participantId) = Current();
        if (options.Value.RelayMaxFileBytes == 0) throw new HubException("Relaying files through the server is turned off.");
        if (request is null || string.IsNullOrEmpty(request.To) || (request.Text is null) == (request.Frame is null))
            throw new HubException("A relayed file message carries exactly one of a text or a frame.");
        if (request.Text is { Length: > 4096 }) throw new HubException("File control message too long.");
        var target = await room.SignalTargetAsync(participantId, Context.ConnectionId, request.To);
        if (target is null) return SignalStatus.UnknownPeer;
        await Clients.Client(target).FileRelayed(new FileRelay(participantId, request.Text, request.Frame));
        return SignalStatus.Relayed;
    }

    private const string CallItem = "call";
}
