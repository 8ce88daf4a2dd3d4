using Interview.Web.Tests.Support;

namespace Interview.Web.Tests.Cluster;

/// <summary>The node that hosts a room dies (kill -9) while someone types: nothing acknowledged is lost.</summary>
[Collection(ClusterCollection.Name)]
public sealed class ClusterFailoverTests(RoomCluster cluster) : IClassFixture<RoomCluster>
{
    private const string Active = " is active on this node";

    [Fact]
    public async Task Killing_the_node_that_hosts_a_room_ten_times_during_continuous_edits_loses_no_acknowledged_edit_or_chat_message()
    {
        var roomId = await RoomCluster.CreateRoomAsync(cluster.Nodes[0]);
        var writer = new Writer(roomId, () => { lock (cluster.Nodes) return [.. cluster.Nodes]; });
        var seen = new Dictionary<NodeProcess, int>();
        var chat = new List<string>();
        using var stop = new CancellationTokenSource();
        var writing = writer.WriteUntilAsync(stop.Token);
        try
        {
            for (var round = 0; round < 10; round++)
            {
                var host = await NewHostAsync(roomId, seen);
                // Edits flow (through whichever node the writer is on, the host included) when the host dies.
                await writer.AcknowledgedMoreAsync(3, writing);
                host.Kill();
                lock (cluster.Nodes) cluster.Nodes.Remove(host);
                var replacement = cluster.StartNodeAsync();
                // Calls fail until the room is active again on a surviving node; the writer's client reconnects (through
                // another node if its own died) and goes on.
                await writer.AcknowledgedMoreAsync(3, writing);
                chat.Add(await writer.ChatAsync($"after kill {round}"));
                var started = await replacement;
                lock (cluster.Nodes) cluster.Nodes.Add(started);
                await host.DisposeAsync();
            }
            await stop.CancelAsync();
            await writing;

            await using var reader = await Writer.JoinAsync(cluster.Nodes[^1], roomId, "Reader");
            var acknowledged = writer.Acknowledged;
            var missing = acknowledged.Where(token => !reader.Text.Contains(token)).ToList();
            Assert.True(missing.Count == 0, $"{missing.Count} of {acknowledged.Count} acknowledged edits are missing: {string.Join(" ", missing)}");
            Assert.True(acknowledged.Count >= 60, $"only {acknowledged.Count} edits were acknowledged");
            Assert.Equal(chat, reader.Client.Join!.Chat.Select(m => m.Text).Where(text => text.StartsWith("after kill", StringComparison.Ordinal)));
        }
        finally
        {
            await stop.CancelAsync();
            await writing.ContinueWith(_ => { }, TaskScheduler.Default);
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

    /// <summary>
    /// Appends numbered tokens one after another, as a typist would; a token counts once the server acknowledged it.
    /// After any failure its client reconnects through a live node (the next one each time) and goes on.
    /// </summary>
    private sealed class Writer(string roomId, Func<IReadOnlyList<NodeProcess>> nodes) : IAsyncDisposable
    {
        private readonly List<string> _acknowledged = [];
        private readonly SemaphoreSlim _turn = new(1, 1);
        private readonly string _sessionKey = RoomClient.NewSessionKey();
        private CrdtPeer? _peer;
        private int _next;
        private int _attempt;

        public IReadOnlyList<string> Acknowledged
        {
            get { lock (_acknowledged) return [.. _acknowledged]; }
        }

        public async Task WriteUntilAsync(CancellationToken stop)
        {
            while (!stop.IsCancellationRequested)
            {
                var token = $"[{Interlocked.Increment(ref _next)}]";
                if (await TryAsync(peer => peer.EditAsync(text => text.Insert(text.TextLength, token))))
                {
                    lock (_acknowledged) _acknowledged.Add(token);
                }
                else
                {
                    // A pause keeps the retries from spinning while the cluster notices the dead node.
                    await Task.Delay(250, CancellationToken.None);
                }
            }
        }

        /// <summary>Waits until <paramref name="count"/> more edits were acknowledged (within a minute).</summary>
        public async Task AcknowledgedMoreAsync(int count, Task writing)
        {
            var target = Acknowledged.Count + count;
            await Eventually.TrueAsync(() => writing.IsCompleted ? throw new InvalidOperationException("the writer stopped", writing.Exception) : Acknowledged.Count >= target,
                $"{count} more edits are acknowledged", TimeSpan.FromSeconds(60));
        }

        /// <summary>Posts a chat message, retrying like the edits until it is acknowledged; returns its text.</summary>
        public async Task<string> ChatAsync(string text)
        {
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
            while (!await TryAsync(peer => peer.Client.SendChatAsync(text)))
            {
                if (DateTime.UtcNow > deadline) throw new TimeoutException($"the chat message \"{text}\" was not acknowledged within a minute");
                await Task.Delay(250);
            }
            return text;
        }

        /// <summary>One call through the writer's client (connecting it first if needed); false when it was not acknowledged.</summary>
        private async Task<bool> TryAsync(Func<CrdtPeer, Task> call)
        {
            await _turn.WaitAsync();
            try
            {
                if (_peer is null)
                {
                    var live = nodes();
                    _peer = await JoinAsync(live[_attempt++ % live.Count], roomId, "Writer", _sessionKey);
                }
                await call(_peer);
                return true;
            }
            catch (Exception)
            {
                // Not acknowledged: the node or the room went away. The client reconnects on the next call.
                if (_peer is not null) await _peer.DisposeAsync();
                _peer = null;
                return false;
            }
            finally
            {
                _turn.Release();
            }
        }

        /// <summary>Joins through <paramref name="node"/>; with the same <paramref name="sessionKey"/> as before, as the same
        /// participant (a browser tab keeps its session key across reconnects).</summary>
        public static async Task<CrdtPeer> JoinAsync(NodeProcess node, string roomId, string name, string? sessionKey = null)
        {
            var client = await RoomClient.ConnectAsync(node.BaseAddress);
            try
            {
                var join = await client.JoinRoomAsync(roomId, name, sessionKey);
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
