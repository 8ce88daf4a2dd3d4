using Microsoft.AspNetCore.SignalR.Client;
using Interview.Web.Tests.Support;

namespace Interview.Web.Tests.Cluster;

/// <summary>One room, its people on different nodes: no room affinity is needed.</summary>
[Collection(ClusterCollection.Name)]
public sealed class ClusterRoomTests(RoomCluster cluster) : IClassFixture<RoomCluster>
{
    [Fact]
    public async Task Hub_clients_and_a_yjs_socket_on_three_nodes_converge_and_hear_each_other()
    {
        var roomId = await RoomCluster.CreateRoomAsync(cluster.Nodes[0]);
        await using var ada = await JoinAsync(cluster.Nodes[0], roomId, "Ada");
        await using var bob = await JoinAsync(cluster.Nodes[1], roomId, "Bob");
        await using var cy = await YjsSocket.ConnectAsync(cluster.Nodes[2].BaseAddress, roomId, "?name=Cy");
        _ = cy.ReceiveInBackground();

        // Presence and chat cross nodes.
        await ada.Client.Joined.FirstAsync(p => p.DisplayName == "Bob");
        await ada.Client.SendChatAsync("hello from node 0");
        await bob.Client.Chat.FirstAsync(m => m.Text == "hello from node 0");

        // Random concurrent edits from all three.
        var random = new Random(15);
        async Task TypeAsync(Func<Action<Interview.Crdt.Types.YText>, Task> edit, string who, int seed)
        {
            var mine = new Random(seed);
            for (var i = 0; i < 25; i++)
            {
                await edit(text =>
                {
                    if (text.TextLength > 4 && mine.Next(4) == 0) text.Delete(mine.Next(text.TextLength - 2), 2);
                    else text.Insert(mine.Next(text.TextLength + 1), $"<{who}{i}>");
                });
            }
        }
        await Task.WhenAll(
            TypeAsync(ada.EditAsync, "a", random.Next()),
            TypeAsync(bob.EditAsync, "b", random.Next()),
            TypeAsync(cy.EditAsync, "c", random.Next()));

        await Eventually.TrueAsync(() => ada.Text == bob.Text && bob.Text == cy.Text && ada.Text.Length > 0,
            $"the three documents converge (ada {ada.Text.Length}, bob {bob.Text.Length}, cy {cy.Text.Length} chars)", TimeSpan.FromSeconds(20));
        // What the room stored is what they all have: a newcomer on another node reads the same text.
        await using var dee = await JoinAsync(cluster.Nodes[2], roomId, "Dee");
        Assert.Equal(ada.Text, dee.Text);
    }

    [Fact]
    public async Task A_page_closing_on_another_node_than_the_rooms_does_not_hold_up_the_room()
    {
        var roomId = await RoomCluster.CreateRoomAsync(cluster.Nodes[0]);
        await using var bob = await JoinAsync(cluster.Nodes[0], roomId, "Bob");
        var host = cluster.HostOf(roomId);
        var away = cluster.Nodes.First(n => n != host);
        for (var i = 0; i < 3; i++)
        {
            // A page on a node that does not host the room says it is going away and closes at once, as a reload does.
            var leaving = await JoinAsync(away, roomId, $"Reloading {i}");
            await leaving.Connection.SendAsync("PageHidden");
            await leaving.DisposeAsync();
            // The room goes on at once: its loop is not waiting for an acknowledgement about the closed connection.
            await bob.Client.SendChatAsync($"still here {i}").WaitAsync(TimeSpan.FromSeconds(10));
        }
    }

    private static async Task<CrdtPeer> JoinAsync(NodeProcess node, string roomId, string name)
    {
        var client = await RoomClient.ConnectAsync(node.BaseAddress);
        var join = await client.JoinRoomAsync(roomId, name);
        Assert.Equal(Interview.Web.Features.Rooms.JoinStatus.Joined, join.Status);
        return await CrdtPeer.AttachAsync(client);
    }
}
