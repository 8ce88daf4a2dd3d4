using Microsoft.AspNetCore.DataProtection;

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
        builder.Services.AddSingleton(new DataDirectory(dataDir));
        // Data Protection keys (antiforgery, circuits, recording download tickets) live with the data, so a restart or
        // another host sharing the folder accepts what this one issued.
        builder.Services.AddDataProtection().SetApplicationName("Interview")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(dataDir, "keys")));
        builder.Services.AddSingleton<IRoomStore, SqliteRoomStore>();
        builder.Services.AddSingleton<IRecordingStore, SqliteRecordingStore>();
        builder.Services.AddSingleton<IExamStore, SqliteExamStore>();
    }
}

/// <summary>The data folder (<c>INTERVIEW_DATA_DIR</c>), for features that keep files beside the database.</summary>
public sealed record DataDirectory(string Path);
