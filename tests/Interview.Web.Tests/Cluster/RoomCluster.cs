using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Interview.Web.Tests.Support;

namespace Interview.Web.Tests.Cluster;

/// <summary>
/// Three web nodes as separate processes in one cluster: a real redis-server for membership and the hub backplane, a
/// real PostgreSQL for storage, one shared data folder (Data Protection keys). Started once per test class; a killed
/// node can be replaced.
/// </summary>
public sealed class RoomCluster : IAsyncLifetime
{
    private readonly string _dataDir = Directory.CreateTempSubdirectory("interview-cluster-").FullName;
    private RedisServer? _redis;
    private PostgresServer? _postgres;
    private string? _database;

    public List<NodeProcess> Nodes { get; } = [];

    public string Redis => _redis!.Configuration;

    public async Task InitializeAsync()
    {
        _redis = await RedisServer.StartAsync();
        _postgres = await PostgresServer.StartAsync();
        _database = await _postgres.CreateDatabaseAsync("cluster");
        var starting = Enumerable.Range(0, 3).Select(_ => StartNodeAsync()).ToList();
        try { await Task.WhenAll(starting); }
        catch
        {
            // A node that did not start must not leave the others running: dispose is not called for a failed start.
            foreach (var started in starting.Where(t => t.IsCompletedSuccessfully)) await started.Result.DisposeAsync();
            await DisposeAsync();
            throw;
        }
        Nodes.AddRange(starting.Select(t => t.Result));
    }

    public Task<NodeProcess> StartNodeAsync() => NodeProcess.StartAsync("web", Redis, Environment(), TimeSpan.FromSeconds(90));

    private Dictionary<string, string> Environment()
    {
        var variables = new Dictionary<string, string>
        {
            ["INTERVIEW_DATA_DIR"] = _dataDir,
            ["INTERVIEW_POSTGRES"] = _database!,
            ["INTERVIEW_Rooms__CreationsPerClientPerHour"] = "1000",
        };
        foreach (var (key, value) in IntegrationJwt.Settings()) variables["INTERVIEW_" + key.Replace(":", "__")] = value;
        return variables;
    }

    /// <summary>Creates an open room through the integration API of <paramref name="node"/>.</summary>
    public static async Task<string> CreateRoomAsync(NodeProcess node)
    {
        using var http = new HttpClient { BaseAddress = node.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", IntegrationJwt.Token());
        using var response = await http.PostAsJsonAsync("/api/v1/rooms", new { title = "Cluster", capacity = 6, requireInvite = false });
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return body.GetProperty("id").GetString()!;
    }

    /// <summary>The node that logged last that the room became active on it.</summary>
    public NodeProcess HostOf(string roomId) =>
        Nodes.Select(n => (Node: n, At: n.Output.LastIndexOf($"Room {roomId} is active on this node", StringComparison.Ordinal)))
            .Where(x => x.At >= 0).OrderByDescending(x => x.At).Select(x => x.Node).FirstOrDefault()
        ?? throw new InvalidOperationException($"no node hosts room {roomId}");

    public async Task DisposeAsync()
    {
        foreach (var node in Nodes) await node.DisposeAsync();
        if (_redis is not null) await _redis.DisposeAsync();
        if (_postgres is not null) await _postgres.DisposeAsync();
        try { Directory.Delete(_dataDir, recursive: true); }
        catch (IOException) { }
    }
}
