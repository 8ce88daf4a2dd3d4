using StackExchange.Redis;

namespace Interview.Web.Shared.Cluster;

/// <summary>Refuses changes while the node's Redis connection (the SignalR backplane between nodes) is down;
/// <c>/healthz</c> says the same (<see cref="ClusterHealthCheck"/>). Nothing already acknowledged is touched.</summary>
internal sealed class RedisWriteGate(IConnectionMultiplexer redis) : IWriteGate
{
    public const string Message =
        "This server lost its connection to Redis (INTERVIEW_REDIS), which carries the room to the other servers: changes are refused until it is back. Nothing saved is lost.";

    public string? Refusal => redis.IsConnected ? null : Message;
}
