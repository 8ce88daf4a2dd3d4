using System.Net;
using System.Net.Sockets;

using Interview.Web.Shared.Hosting;

namespace Interview.Web.Shared.Cluster;

/// <summary>What a node runs: pages and hubs, code runs, or both (<c>INTERVIEW_ROLE</c>).</summary>
public enum NodeRole
{
    /// <summary>Serves pages and hubs and hosts rooms; runs code locally unless worker nodes exist.</summary>
    Web,
    /// <summary>Runs code only: no pages, no hubs, no rooms.</summary>
    Worker,
    /// <summary>Both.</summary>
    All,
}

/// <summary>
/// How this node joins its cluster, read from <c>INTERVIEW_REDIS</c>, <c>INTERVIEW_ROLE</c>,
/// <c>INTERVIEW_SILO_PORT</c>, <c>INTERVIEW_GATEWAY_PORT</c> and <c>INTERVIEW_SILO_ADDRESS</c>. Without Redis the node
/// is a cluster of one (Orleans localhost clustering on free loopback ports).
/// </summary>
public sealed record ClusterSettings(string? Redis, NodeRole Role, IPAddress Address, int SiloPort, int GatewayPort)
{
    public const string RedisKey = "REDIS";
    public const string RoleKey = "ROLE";
    public const string SiloPortKey = "SILO_PORT";
    public const string GatewayPortKey = "GATEWAY_PORT";
    public const string SiloAddressKey = "SILO_ADDRESS";

    /// <summary>A node id unique in the cluster for this process's life (several nodes share a machine in tests).</summary>
    public string NodeId { get; } = $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid():N}";

    public bool ServesWeb => Role != NodeRole.Worker;

    public static ClusterSettings From(IConfiguration configuration)
    {
        var redis = configuration[RedisKey] is { Length: > 0 } r ? r : null;
        var role = configuration[RoleKey] switch
        {
            null or "" or "web" => NodeRole.Web,
            "worker" => NodeRole.Worker,
            "all" => NodeRole.All,
            var other => throw new StartupException($"INTERVIEW_ROLE must be web, worker or all, not '{other}'."),
        };
        var address = configuration[SiloAddressKey] is { Length: > 0 } a
            ? IPAddress.TryParse(a, out var parsed) ? parsed : throw new StartupException($"INTERVIEW_SILO_ADDRESS must be an IP address, not '{a}'.")
            : IPAddress.Loopback;
        return new ClusterSettings(redis, role, address,
            Port(configuration, SiloPortKey, "INTERVIEW_SILO_PORT", redis is null),
            Port(configuration, GatewayPortKey, "INTERVIEW_GATEWAY_PORT", redis is null, gateway: true));
    }

    /// <summary>
    /// The configured port; else, for a cluster of one, a free loopback port (several hosts may share a machine, as in
    /// tests); else Orleans' usual port. The gateway (for external Orleans clients) is off unless a port is given.
    /// </summary>
    private static int Port(IConfiguration configuration, string key, string variable, bool single, bool gateway = false)
    {
        if (configuration[key] is { Length: > 0 } text)
            return int.TryParse(text, out var port) && port is >= 0 and <= 65535 ? port
                : throw new StartupException($"{variable} must be a port number, not '{text}'.");
        if (gateway) return 0;
        return single ? FreeLoopbackPort() : 11111;
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
