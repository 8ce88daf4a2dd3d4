using Interview.Crdt;
using Interview.Crdt.Protocols;
using Interview.Web.Tests.Support;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace Interview.Web.Tests.Features.Editor;

public sealed partial class EditorHubTests : IAsyncLifetime
{
    private InterviewFactory _factory = null!;

    public Task InitializeAsync()
    {
        _factory = new InterviewFactory(new() { ["Editor:MaxDocumentBytes"] = (2 * 1024 * 1024).ToString() });
        _ = _factory.Server;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    private async Task<string> NewRoomAsync() => (await _factory.Rooms.CreateAsync("Editor room", 6)).Id;

    [Fact]
    public async Task A_new_room_starts_with_the_python_template_and_late_joiners_get_the_full_text()
    {
        var roomId = await NewRoomAsync();
        await using var ada = await CrdtPeer.JoinAsync(_factory, roomId, "Ada");
        Assert.Contains("print(\"Hello, world!\")", ada.Text);
        Assert.Equal("python", ada.Language);

        await ada.EditAsync(t => t.Insert(0, "# interview\n"));
        await using var grace = await CrdtPeer.JoinAsync(_factory, roomId, "Grace");
        Assert.Equal(ada.Text, grace.Text);
        Assert.StartsWith("# interview\n", grace.Text);
    }

    [Fact]
    public async Task Two_peers_editing_concurrently_at_random_converge()
    {
        var roomId = await NewRoomAsync();
        await using var ada = await CrdtPeer.JoinAsync(_factory, roomId, "Ada", clientId: 1001);
        await using var grace = await CrdtPeer.JoinAsync(_factory, roomId, "Grace", clientId: 2002);

        var random = new Random(42);
        async Task TypeAsync(CrdtPeer peer, int seed)
        {
            var r = new Random(seed);
            for (var i = 0; i < 150; i++)
            {
                await peer.EditAsync(t =>
                {
                    var length = t.TextLength;
                    if (length > 10 && r.NextDouble() < 0.3) t.Delete(r.Next(length - 3), r.Next(1, 4));
                    else t.Insert(r.Next(length + 1), ((char)('a' + r.Next(26))).ToString() + (r.NextDouble() < 0.1 ? "\n" : ""));
                });
            }
        }
        await Task.WhenAll(TypeAsync(ada, random.Next()), TypeAsync(grace, random.Next()));

        await Eventually.TrueAsync(() => ada.Text == grace.Text, "both peers show the same text");
        await using var late = await CrdtPeer.JoinAsync(_factory, roomId, "Linus");
        Assert.Equal(ada.Text, late.Text);
        var (serverText, _) = await (await _factory.Rooms.FindAsync(roomId))!.ReadEditorAsync();
        Assert.Equal(ada.Text, serverText);
    }

    [Fact]
    public async Task A_malformed_update_is_rejected_with_a_clear_error_and_the_room_keeps_working()
    {
        var roomId = await NewRoomAsync();
        await using var ada = await CrdtPeer.JoinAsync(_factory, roomId, "Ada");
        await using var grace = await CrdtPeer.JoinAsync(_factory, roomId, "Grace");
        var before = ada.Text;

        byte[][] garbage =
        [
            [0, 2, 5, 1, 2, 3],                       // update whose length runs past the end
            [0, 2, 4, 0xff, 0xff, 0xff, 0xff],        // update with a truncated varint
            [0, 7],                                   // unknown sync message type
            [9, 1, 2],                                // unknown message type
            [1, 3, 1, 1, 1],                          // awareness entry cut short
        ];
        foreach (var frame in garbage)
        {
            var error = await Assert.ThrowsAsync<HubException>(() => ada.SendAsync(frame));
            Assert.Contains("Malformed editor message", error.Message);
        }

        await ada.EditAsync(t => t.Insert(0, "still fine\n"));
        await Eventually.TrueAsync(() => grace.Text == "still fine\n" + before, "the next edit still reaches Grace");
    }

    [Fact]
    public async Task A_large_paste_travels_in_parts_and_an_update_over_the_document_limit_is_refused()
    {
        var roomId = await NewRoomAsync();
        await using var ada = await CrdtPeer.JoinAsync(_factory, roomId, "Ada");
        await using var grace = await CrdtPeer.JoinAsync(_factory, roomId, "Grace");

        // 1 MB in one update: more than one hub message (64 KiB), so it goes in parts.
        var megabyte = new string('x', 1024 * 1024);
        var paste = new Doc(77);
        var update = Array.Empty<byte>();
        paste.Update += (_, e) => update = e.Update;
        Updates.ApplyUpdate(paste, Updates.EncodeStateAsUpdate(ada.Doc));
        paste.GetText("monaco").Insert(0, megabyte);
        await ada.SendInPartsAsync(Frames.Sync(SyncProtocol.EncodeUpdate(update)));
        await Eventually.TrueAsync(() => grace.Text.Length > megabyte.Length, "Grace receives the megabyte", TimeSpan.FromSeconds(30));

        // Two more megabytes would cross the 2 MB limit of this host: refused, the document unchanged.
        var more = new Doc(78);
        var tooMuch = Array.Empty<byte>();
        more.Update += (_, e) => tooMuch = e.Update;
        more.GetText("monaco").Insert(0, new string('y', 1536 * 1024));
        var error = await Assert.ThrowsAsync<HubException>(() => ada.SendInPartsAsync(Frames.Sync(SyncProtocol.EncodeUpdate(tooMuch))));
        Assert.Contains("limited to 2 MB", error.Message);
        var (serverText, _) = await (await _factory.Rooms.FindAsync(roomId))!.ReadEditorAsync();
        Assert.DoesNotContain('y', serverText);
        Assert.Equal(grace.Text, serverText);
    }

    [Fact]
    public async Task Awareness_is_relayed_and_removed_when_its_connection_leaves()
    {
        var roomId = await NewRoomAsync();
        await using var ada = await CrdtPeer.JoinAsync(_factory, roomId, "Ada");
        await using var grace = await CrdtPeer.JoinAsync(_factory, roomId, "Grace");

        var cursor = Awareness.EncodeUpdate([new AwarenessEntry(4242, 1, """{"user":{"name":"Grace","color":"#1b998b"}}""")]);
        await grace.SendAsync(Frames.Awareness(cursor));
        await Eventually.TrueAsync(() => ada.AwarenessFrames.Any(f => Awareness.DecodeUpdate(f).Any(e => e.ClientId == 4242 && e.StateJson.Contains("Grace"))),
            "Ada sees Grace's cursor");

        await grace.Connection.InvokeAsync("Leave");
        await Eventually.TrueAsync(() => ada.AwarenessFrames.Any(f => Awareness.DecodeUpdate(f).Any(e => e.ClientId == 4242 && e.StateJson == "null")),
            "Ada is told Grace's cursor is gone");
    }

    [Fact]
    public async Task The_language_is_shared_through_the_meta_map_with_a_template_for_an_untouched_editor()
    {
        var roomId = await NewRoomAsync();
        await using var ada = await CrdtPeer.JoinAsync(_factory, roomId, "Ada");
        var room = (await _factory.Rooms.FindAsync(roomId))!;
        var participant = ada.Client.Join!.ParticipantId!;

        Assert.Null(await room.SetLanguageAsync(participant, "go"));
        await Eventually.TrueAsync(() => ada.Language == "go" && ada.Text.Contains("package main"), "Ada gets Go and its template");
        Assert.Equal("go", room.EditorView.Language);

        await ada.EditAsync(t => t.Insert(0, "// mine\n"));
        Assert.Null(await room.SetLanguageAsync(participant, "rust"));
        await Eventually.TrueAsync(() => ada.Language == "rust", "Ada gets Rust");
        Assert.StartsWith("// mine\npackage main", ada.Text); // edited text is never replaced
        Assert.NotNull(await room.SetLanguageAsync(participant, "cobol"));
    }

    [Fact]
    public async Task Editor_calls_need_a_joined_room()
    {
        await using var stranger = await RoomClient.ConnectAsync(_factory);
        var error = await Assert.ThrowsAsync<HubException>(() => stranger.Connection.InvokeAsync<byte[][]>("EditorSync", new byte[] { 0, 0, 0 }));
        Assert.Contains("Join a room first", error.Message);
    }
}
