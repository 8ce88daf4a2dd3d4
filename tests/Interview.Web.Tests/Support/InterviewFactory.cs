using Interview.Web.Features.Rooms;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Interview.Web.Tests.Support;

/// <summary>
/// The real web host in memory (TestServer) with its own data dir (and SQLite database in it, unless given a
/// PostgreSQL connection string), and SignalR clients speaking MessagePack over the test server's WebSockets.
/// </summary>
public sealed class InterviewFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string> _settings;

    /// <param name="postgres">An Npgsql connection string (<see cref="PostgresServer.CreateDatabaseAsync"/>): store everything there.</param>
    public InterviewFactory(Dictionary<string, string>? settings = null, string? dataDir = null, string? postgres = null)
    {
        DataDir = dataDir ?? Directory.CreateTempSubdirectory("interview-tests-").FullName;
        var clientRoot = Directory.CreateTempSubdirectory("interview-client-").FullName;
        _settings = new Dictionary<string, string>
        {
            ["DATA_DIR"] = DataDir,
            ["Hosting:ClientRoot"] = clientRoot,
            ["Rooms:ExpiryScanSeconds"] = "3600",
            // Never YouTube from tests: a closed local port (oEmbed falls back at once) unless a test sets its fake.
            ["Watch:OEmbedUrl"] = "http://127.0.0.1:9/oembed",
        };
        if (postgres is not null) _settings["POSTGRES"] = postgres;
        foreach (var (key, value) in settings ?? []) _settings[key] = value;
    }

    public string DataDir { get; }

    /// <summary>Replaces the clock every service uses (room actors, expiry).</summary>
    public TimeProvider? Time { get; init; }

    /// <summary>Replaces services after the app registered its own (fakes of the sandbox, …).</summary>
    public Action<IServiceCollection>? TestServices { get; init; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
        builder.ConfigureServices(services =>
        {
            if (Time is not null) services.Replace(ServiceDescriptor.Singleton(Time));
            TestServices?.Invoke(services);
        });
    }

    public IRoomRegistry Rooms => Services.GetRequiredService<IRoomRegistry>();

    public Interview.Web.Features.Invites.IInviteService Invites => Services.GetRequiredService<Interview.Web.Features.Invites.IInviteService>();

    /// <summary>The Cookie header that makes a hub connection the room's creator.</summary>
    public static string OwnerCookieHeader(CreatedRoom room) => $"{OwnerCookie.Name(room.Id)}={room.OwnerToken}";

    /// <summary>Mints an invite for the room and returns its token.</summary>
    public async Task<string> InviteAsync(string roomId, ParticipantRole role, TimeSpan? lifetime = null, string? name = null, string? userId = null) =>
        (await Invites.MintAsync(new Interview.Web.Features.Invites.InviteDraft(roomId, role, lifetime, name, userId))).Token;

    public HubConnection Connect(string? cookie = null, string? origin = null) =>
        new HubConnectionBuilder()
            .WithUrl(new Uri(Server.BaseAddress, RoomHub.Path), HttpTransportType.WebSockets, options =>
            {
                options.SkipNegotiation = true;
                options.WebSocketFactory = async (context, cancellationToken) =>
                {
                    var client = Server.CreateWebSocketClient();
                    client.ConfigureRequest = request =>
                    {
                        if (cookie is not null) request.Headers.Cookie = cookie;
                        if (origin is not null) request.Headers.Origin = origin;
                    };
                    return await client.ConnectAsync(context.Uri, cancellationToken);
                };
            })
            .AddMessagePackProtocol()
            .Build();

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
    }
}
