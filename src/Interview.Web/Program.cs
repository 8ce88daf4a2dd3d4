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
using Interview.Web.Shared.Hosting;
using Interview.Web.Shared.Persistence;

var builder = WebApplication.CreateBuilder(args);

builder.AddHosting();
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

var app = builder.Build();

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

app.Run();

/// <summary>Entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
