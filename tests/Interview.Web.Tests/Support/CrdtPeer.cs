using Interview.Crdt;
using Interview.Crdt.Protocols;
using Interview.Crdt.Types;
using Interview.Web.Features.Rooms;
using Microsoft.AspNetCore.SignalR.Client;

namespace Interview.Web.Tests.Support;

/// <summary>
/// A .NET editor peer: an Interview.Crdt doc synced with the room's document over the room hub, speaking the same
/// y-websocket frames as the browser. Hub callbacks arrive on other threads, so the doc is used under a lock.
/// </summary>
public sealed class CrdtPeer : IAsyncDisposable
{
    private readonly Lock _lock = new();
    private readonly List<byte[]> _captured = [];
    private readonly List<byte[]> _awareness = [];

    private CrdtPeer(RoomClient client, ulong? clientId)
    {
        Client = client;
        Doc = new Doc(clientId);
        Doc.Update += (_, e) => { if (e.Origin is not "remote") _captured.Add(e.Update); };
        client.Connection.On<byte[]>(nameof(IRoomClient.EditorFrame), frame => { Receive(frame); });
    }

    public RoomClient Client { get; }
    public Doc Doc { get; }
    public HubConnection Connection => Client.Connection;

    /// <summary>Awareness updates received so far (decoded entries), for cursor tests.</summary>
    public IReadOnlyList<byte[]> AwarenessFrames { get { lock (_lock) return [.. _awareness]; } }

    public string Text { get { lock (_lock) return Doc.GetText("monaco").ToString(); } }

    public string? Language { get { lock (_lock) return Doc.GetMap("meta").Get("language") as string; } }

    public static async Task<CrdtPeer> JoinAsync(InterviewFactory factory, string roomId, string name, ulong? clientId = null)
    {
        var peer = new CrdtPeer(await RoomClient.JoinAsync(factory, roomId, name), clientId);
        await peer.SyncAsync();
        return peer;
    }

    /// <summary>Makes an editor peer of a client that already joined (with an invite or the owner cookie).</summary>
    public static async Task<CrdtPeer> AttachAsync(RoomClient client, ulong? clientId = null)
    {
        var peer = new CrdtPeer(client, clientId);
        await peer.SyncAsync();
        return peer;
    }

    /// <summary>The y-protocols handshake: our step 1, the server's step 2 and step 1, our step 2.</summary>
    public async Task SyncAsync()
    {
        byte[] step1;
        lock (_lock) step1 = Frames.Sync(SyncProtocol.EncodeStep1(Doc));
        foreach (var reply in await SendAsync(step1))
        {
            if (Receive(reply) is { } answer) await SendAsync(answer);
        }
    }

    /// <summary>Makes a local change and sends it; completes when the server acknowledged it (committed).</summary>
    public async Task EditAsync(Action<YText> edit)
    {
        byte[]? update;
        lock (_lock)
        {
            _captured.Clear();
            Doc.Transact(_ => edit(Doc.GetText("monaco")));
            update = _captured.Count == 0 ? null : _captured.Count == 1 ? _captured[0] : Updates.EncodeStateAsUpdate(Doc);
        }
        if (update is not null) await SendAsync(Frames.Sync(SyncProtocol.EncodeUpdate(update)));
    }

    public Task<byte[][]> SendAsync(byte[] frame) => Connection.InvokeAsync<byte[][]>("EditorSync", frame);

    /// <summary>Sends a frame in parts of <paramref name="partBytes"/>, as the browser does for large frames.</summary>
    public async Task<byte[][]> SendInPartsAsync(byte[] frame, int partBytes = 48 * 1024)
    {
        var offset = 0;
        for (; frame.Length - offset > partBytes; offset += partBytes)
            await Connection.InvokeAsync("EditorSyncPart", frame[offset..(offset + partBytes)]);
        return await SendAsync(frame[offset..]);
    }

    /// <summary>Applies a frame from the server; returns the answer to send (our step 2) when it was a step 1.</summary>
    public byte[]? Receive(byte[] frame)
    {
        lock (_lock)
        {
            var (type, body) = Frames.Decode(frame);
            if (type == MessageType.Awareness)
            {
                _awareness.Add(body.ToArray());
                return null;
            }
            if (type != MessageType.Sync) return null;
            return SyncProtocol.Handle(Doc, body, "remote") is { } step2 ? Frames.Sync(step2) : null;
        }
    }

    public async ValueTask DisposeAsync() => await Client.DisposeAsync();
}
