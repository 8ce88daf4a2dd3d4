using Interview.Web.Features.Editor;
using Interview.Web.Features.Invites;
using Interview.Web.Features.Notes;
using Interview.Web.Features.Proctoring;
using Interview.Web.Features.Recordings;
using Interview.Web.Features.Rooms;
using Interview.Web.Shared.Persistence;

namespace Interview.Web.Tests.Shared.Persistence;

/// <summary>
/// One suite for every store, run against each database (<see cref="SqliteStoreTests"/>, <see cref="PostgresStoreTests"/>):
/// the stores share one implementation, so both databases must give the same answers.
/// </summary>
public abstract partial class StoreTests : IAsyncLifetime
{
    private IDatabase _database = default!;

    protected IRoomStore Rooms { get; private set; } = default!;
    protected IDocumentStore Documents { get; private set; } = default!;
    protected IInviteStore Invites { get; private set; } = default!;
    protected INotesStore Notes { get; private set; } = default!;
    protected IRecordingStore Recordings { get; private set; } = default!;
    protected IExamStore Exams { get; private set; } = default!;

    /// <summary>A new, empty database (not yet migrated).</summary>
    protected abstract Task<IDatabase> CreateDatabaseAsync();

    /// <summary>A second handle on the same database with its own connections, as another process would have.</summary>
    protected abstract IDatabase OpenAgain();

    public async Task InitializeAsync()
    {
        _database = await CreateDatabaseAsync();
        await _database.MigrateAsync();
        Rooms = new RoomStore(_database);
        Documents = new DocumentStore(_database);
        Invites = new InviteStore(_database);
        Notes = new NotesStore(_database);
        Recordings = new RecordingStore(_database);
        Exams = new ExamStore(_database);
    }

    public abstract Task DisposeAsync();

    /// <summary>A time as the stores keep it (whole milliseconds).</summary>
    protected static DateTimeOffset At(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_000 + ms);

    protected async Task<string> CreateRoomAsync(string id, long createdAt = 0)
    {
        await Rooms.CreateRoomAsync(new RoomRecord(id, "Room " + id, 4, "hash-" + id, At(createdAt), At(createdAt), null));
        return id;
    }
}
