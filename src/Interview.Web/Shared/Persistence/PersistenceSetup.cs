namespace Interview.Web.Shared.Persistence;

public static class PersistenceSetup
{
    /// <summary>Embedded SQLite under <c>INTERVIEW_DATA_DIR</c> (default <c>./data</c>), schema migrated at start-up.</summary>
    public static void AddPersistence(this WebApplicationBuilder builder)
    {
        var dataDir = Path.GetFullPath(builder.Configuration["DATA_DIR"] is { Length: > 0 } d ? d : "data");
        Directory.CreateDirectory(dataDir);
        var database = new SqliteDatabase(Path.Combine(dataDir, "interview.db"));
        database.Migrate();
        builder.Services.AddSingleton(database);
        builder.Services.AddSingleton<IRoomStore, SqliteRoomStore>();
        builder.Services.AddSingleton<IExamStore, SqliteExamStore>();
    }
}
