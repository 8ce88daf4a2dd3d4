using Interview.Web.Components;
using Interview.Web.Features.Chat;
using Interview.Web.Features.Media;
using Interview.Web.Features.Editor;
using Interview.Web.Features.Execution;
using Interview.Web.Features.Recordings;
using Interview.Web.Features.Integration;
using Interview.Web.Features.Invites;
using Interview.Web.Features.Notes;
using Interview.Web.Features.Proctoring;
using Interview.Web.Features.Rooms;
using Interview.Web.Features.Watch;
using Interview.Web.Shared.Cluster;
using Interview.Web.Shared.Hosting;
using Interview.Web.Shared.Persistence;

var builder = WebApplication.CreateBuilder(args);
try
{
    AddServices(builder);
}
catch (StartupException e)
{
    // A setting that names something unusable: one clear line, no stack trace.
    Console.Error.WriteLine(e.Message);
    return 2;
}

var app = builder.Build();
MapEndpoints(app);
app.Run();
return 0;

static void AddServices(WebApplicationBuilder builder)
{
    builder.AddHosting();
    if (!builder.AddCluster().ServesWeb)
    {
        // A worker node runs code for the web nodes: no pages, hubs, rooms or storage.
        builder.AddExecution();
        return;
    }
    builder.AddPersistence();
    builder.AddRooms();
    builder.AddInvites();
    builder.AddNotes();
    builder.AddIntegration();
    builder.AddChat();
    builder.AddMedia();
    builder.AddRecordings();
    builder.AddEditor();
    builder.AddExecution();
    builder.AddWatch();
    builder.AddProctoring();
}

static void MapEndpoints(WebApplication app)
{
    if (!app.Services.GetRequiredService<ClusterSettings>().ServesWeb)
    {
        app.MapHealth();
        return;
    }
    app.UseHosting();
    app.MapHealth();
    app.MapRooms();
    app.MapRecordings();
    app.MapInvites();
    app.MapIntegration();
    app.MapEditor();
    app.MapExecution();
    app.MapProctoring();
    app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
}

/// <summary>Entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
