using Interview.Web.Tests.Support;

namespace Interview.Web.Tests.Cluster;

/// <summary>The node that hosts a room dies (kill -9) while someone types: nothing acknowledged is lost.</summary>
[Collection(ClusterCollection.Name)]
public sealed class ClusterFailoverTests(RoomCluster cluster) : IClassFixture<RoomCluster>
{
    private const string Active = " is active on this node";

    [Fact]
    public async Task Killing_the_node_that_hosts_a_room_ten_times_loses_no_acknowledged_edit()
    {
        var roomId = await RoomCluster.CreateRoomAsync(cluster.Nodes[0]);
        var writer = new Writer(roomId);
        var seen = new Dictionary<NodeProcess, int>();
        try
        {
            await writer.ConnectAsync(cluster.Nodes[0]);
            for (var round = 0; round < 10; round++)
            {
                var host = await NewHostAsync(roomId, seen);
                if (writer.Node == host) await writer.ConnectAsync(cluster.Nodes.First(n => n != host));
                await writer.WriteAsync(3, cluster.Nodes);

                host.Kill();
                cluster.Nodes.Remove(host);
                var replacement = cluster.StartNodeAsync();
                // The writer's node stays up, but the room is gone with its host: calls fail until the room is active
                // again on a surviving node, and this node cuts the writer so that it rejoins there.
                await writer.WriteAsync(3, cluster.Nodes);
                cluster.Nodes.Add(await replacement);
                await host.DisposeAsync();
            }

            await using var reader = await Writer.JoinAsync(cluster.Nodes[^1], roomId, "Reader");
            var missing = writer.Acknowledged.Where(token => !reader.Text.Contains(token)).ToList();
            Assert.True(missing.Count == 0, $"{missing.Count} of {writer.Acknowledged.Count} acknowledged edits are missing: {string.Join(" ", missing)}");
            Assert.True(writer.Acknowledged.Count >= 60);
        }
        finally
        {
            await writer.DisposeAsync();
        }
    }

    /// <summary>The node on which the room became active since the last call (each activation logs once).</summary>
    private async Task<NodeProcess> NewHostAsync(string roomId, Dictionary<NodeProcess, int> seen)
    {
        var line = $"Room {roomId}{Active}";
        NodeProcess? host = null;
        await Eventually.TrueAsync(() =>
        {
            host = cluster.Nodes.FirstOrDefault(n => Count(n.Output, line) > seen.GetValueOrDefault(n));
            return host is not null;
        }, "the room becomes active on a node", TimeSpan.FromSeconds(30));
        foreach (var node in cluster.Nodes) seen[node] = Count(node.Output, line);
        return host!;
    }

    private static int Count(string text, string line)
    {
        var count = 0;
        for (var at = text.IndexOf(line, StringComparison.Ordinal); at >= 0; at = text.IndexOf(line, at + 1, StringComparison.Ordinal)) count++;
        return count;
    }

    /// <summary>Appends numbered tokens; a token counts once the server acknowledged it. Rejoins through a live node after any failure.</summary>
    private sealed class Writer(string roomId) : IAsyncDisposable
    {
        private CrdtPeer? _peer;
        private int _next;

        public List<string> Acknowledged { get; } = [];

        public NodeProcess? Node { get; private set; }

        public async Task ConnectAsync(NodeProcess node)
        {
            if (_peer is not null) await _peer.DisposeAsync();
            _peer = null;
            _peer = await JoinAsync(node, roomId, "Writer");
            Node = node;
        }

        public async Task WriteAsync(int count, IReadOnlyList<NodeProcess> nodes)
        {
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
            var done = 0;
            var attempt = 0;
            while (done < count)
            {
                if (DateTime.UtcNow > deadline) throw new TimeoutException($"only {done} of {count} edits were acknowledged within a minute");
                var token = $"[{_next++}]";
                try
                {
                    if (_peer is null) await ConnectAsync(nodes[attempt++ % nodes.Count]);
                    await _peer!.EditAsync(text => text.Insert(text.TextLength, token));
                    Acknowledged.Add(token);
                    done++;
                }
                catch (Exception e) when (e is not TimeoutException)
                {
                    // Not acknowledged: the node or the room went away. Rejoin (through the next node) and go on; a pause
                    // keeps the retries from spinning while the cluster notices the dead node.
                    if (_peer is not null) await _peer.DisposeAsync();
                    _peer = null;
                    await Task.Delay(250);
                }
            }
        }

        public static async Task<CrdtPeer> JoinAsync(NodeProcess node, string roomId, string name)
        {
            var client = await RoomClient.ConnectAsync(node.BaseAddress);
            try
            {
                var join = await client.JoinRoomAsync(roomId, name);
                if (join.Status != Interview.Web.Features.Rooms.JoinStatus.Joined) throw new InvalidOperationException($"join: {join.Status}");
                return await CrdtPeer.AttachAsync(client);
            }
            catch
            {
                await client.DisposeAsync();
                throw;
            }
        }

        public async ValueTask DisposeAsync()
        {
            if (_peer is not null) await _peer.DisposeAsync();
        }
    }
}
