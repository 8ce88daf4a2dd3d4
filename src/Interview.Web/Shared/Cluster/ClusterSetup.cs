using Interview.Web.Shared.Hosting;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.StackExchangeRedis;
using Orleans.Configuration;
using Orleans.Serialization;
using StackExchange.Redis;

namespace Interview.Web.Shared.Cluster;

public static class ClusterSetup
{
    /// <summary>
    /// Hosts an Orleans silo in this process. With <c>INTERVIEW_REDIS</c> the nodes find each other through Redis
    /// (Orleans Redis clustering) and hub messages cross nodes through the SignalR Redis backplane; without it the
    /// node is a cluster of one and nothing else is needed.
    /// </summary>
    public static ClusterSettings AddCluster(this WebApplicationBuilder builder)
    {
        var settings = ClusterSettings.From(builder.Configuration);
        builder.Services.AddSingleton(settings);
        builder.Host.Properties[typeof(ClusterSettings)] = settings;
        var redis = settings.Redis is { } configuration ? ConnectRedis(configuration) : null;
        if (redis is not null)
        {
            builder.Services.AddSingleton<IConnectionMultiplexer>(redis);
            builder.Host.Properties[typeof(IConnectionMultiplexer)] = redis;
            builder.Services.AddSingleton<IWriteGate, RedisWriteGate>();
            builder.Services.AddSingleton<WriteGateHubFilter>();
            builder.Services.Configure<HubOptions>(hub => hub.AddFilter<WriteGateHubFilter>());
        }
        else
        {
            builder.Services.AddSingleton<IWriteGate, OpenWriteGate>();
        }

        builder.UseOrleans(silo =>
        {
            silo.Configure<ClusterOptions>(cluster =>
            {
                cluster.ClusterId = "interview";
                cluster.ServiceId = "interview";
            });
            if (redis is null)
            {
                silo.UseLocalhostClustering(settings.SiloPort, settings.GatewayPort);
            }
            else
            {
                silo.UseRedisClustering(options =>
                {
                    // Required by the options' validation even though the connection below is the one used.
                    options.ConfigurationOptions = ConfigurationOptions.Parse(redis.Configuration);
                    options.CreateMultiplexer = _ => Task.FromResult<(IConnectionMultiplexer, bool)>((redis, true));
                });
                silo.ConfigureEndpoints(settings.Address, settings.SiloPort, settings.GatewayPort, listenOnAnyHostAddress: false);
                silo.Configure<ClusterMembershipOptions>(ClusterTimings.DetectFailuresQuickly);
            }
            silo.Services.AddSerializer(serializer => serializer.AddJsonSerializer(isSupported: ClusterSerialization.IsOurs));
            silo.Services.PostConfigure<GrainTypeOptions>(grains => WorkerNodeGrainAttribute.KeepGrainsFor(settings.Role, grains));
            silo.AddPlacementDirector<SiloKeyedPlacement, SiloKeyedPlacementDirector>();
        });
        builder.Services.AddHealthChecks().AddCheck<ClusterHealthCheck>("cluster");
        return settings;
    }

    /// <summary>The settings <see cref="AddCluster"/> read, for features that set up per-node pieces.</summary>
    public static ClusterSettings Cluster(this WebApplicationBuilder builder) =>
        builder.Host.Properties.TryGetValue(typeof(ClusterSettings), out var settings) ? (ClusterSettings)settings
            : throw new InvalidOperationException("AddCluster must come first.");

    /// <summary>
    /// The hub lifetime manager of <typeparamref name="THub"/>: SignalR's Redis backplane when clustered (a message to a
    /// group or connection reaches it on whichever node it is connected), else the in-process default.
    /// </summary>
    public static Func<IServiceProvider, HubLifetimeManager<THub>> AddHubLifetime<THub>(this WebApplicationBuilder builder, ISignalRServerBuilder signalR)
        where THub : Hub
    {
        if (builder.Host.Properties.TryGetValue(typeof(IConnectionMultiplexer), out var redis))
        {
            signalR.AddStackExchangeRedis(options =>
            {
                options.Configuration.ChannelPrefix = RedisChannel.Literal("interview-hub");
                options.ConnectionFactory = _ => Task.FromResult((IConnectionMultiplexer)redis);
            });
            builder.Services.AddSingleton<RedisHubLifetimeManager<THub>>();
            return services => services.GetRequiredService<RedisHubLifetimeManager<THub>>();
        }
        builder.Services.AddSingleton<DefaultHubLifetimeManager<THub>>();
        return services => services.GetRequiredService<DefaultHubLifetimeManager<THub>>();
    }

    /// <summary>Connects to Redis once at start, so a wrong or unreachable <c>INTERVIEW_REDIS</c> stops the host with a clear line.</summary>
    private static ConnectionMultiplexer ConnectRedis(string configuration)
    {
        ConfigurationOptions options;
        try { options = ConfigurationOptions.Parse(configuration); }
        catch (ArgumentException e) { throw new StartupException($"INTERVIEW_REDIS is not a Redis configuration string: {e.Message}"); }
        options.AbortOnConnectFail = true;
        options.ConnectTimeout = 5000;
        try
        {
            return ConnectionMultiplexer.Connect(options);
        }
        catch (RedisConnectionException e)
        {
            throw new StartupException($"INTERVIEW_REDIS: cannot reach Redis at {configuration} ({e.FailureType}).", e);
        }
    }
}
