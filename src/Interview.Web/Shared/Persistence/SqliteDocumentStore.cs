using Microsoft.Data.Sqlite;

namespace Interview.Web.Shared.Persistence;

/// <summary><see cref="IDocumentStore"/> on the embedded SQLite file (tables <c>doc_updates</c>, <c>doc_snapshots</c>).</summary>
public sealed class SqliteDocumentStore(SqliteDatabase database) : IDocumentStore
{
    public async Task<StoredDocument> LoadAsync(string roomId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        byte[]? snapshot = null;
        long snapshotSeq = 0;
        await using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = "SELECT seq, data FROM doc_snapshots WHERE room_id = $room ORDER BY seq DESC LIMIT 1";
            command.Parameters.AddWithValue("$room", roomId);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            if (await reader.ReadAsync(cancellationToken))
            {
                snapshotSeq = reader.GetInt64(0);
                snapshot = (byte[])reader.GetValue(1);
            }
        }
        var updates = new List<StoredUpdate>();
        await using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = "SELECT seq, data, author, created_at FROM doc_updates WHERE room_id = $room AND seq > $after ORDER BY seq";
            command.Parameters.AddWithValue("$room", roomId);
            command.Parameters.AddWithValue("$after", snapshotSeq);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                updates.Add(new StoredUpdate(reader.GetInt64(0), (byte[])reader.GetValue(1),
                    reader.IsDBNull(2) ? null : reader.GetString(2), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3))));
            }
        }
        await transaction.CommitAsync(cancellationToken);
        return new StoredDocument(snapshot, snapshotSeq, updates);
    }

    public async Task AppendAsync(string roomId, long seq, byte[] update, string? author, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO doc_updates (room_id, seq, data, author, created_at) VALUES ($room, $seq, $data, $author, $at)";
        command.Parameters.AddWithValue("$room", roomId);
        command.Parameters.AddWithValue("$seq", seq);
        command.Parameters.AddWithValue("$data", update);
        command.Parameters.AddWithValue("$author", (object?)author ?? DBNull.Value);
        command.Parameters.AddWithValue("$at", at.ToUnixTimeMilliseconds());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task SaveSnapshotAsync(string roomId, long throughSeq, byte[] state, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        string[] statements =
        [
            "INSERT OR REPLACE INTO doc_snapshots (room_id, seq, data, created_at) VALUES ($room, $seq, $data, $at)",
            "DELETE FROM doc_snapshots WHERE room_id = $room AND seq < $seq",
            "DELETE FROM doc_updates WHERE room_id = $room AND seq <= $seq",
        ];
        foreach (var sql in statements)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = sql;
            command.Parameters.AddWithValue("$room", roomId);
            command.Parameters.AddWithValue("$seq", throughSeq);
            command.Parameters.AddWithValue("$data", state);
            command.Parameters.AddWithValue("$at", at.ToUnixTimeMilliseconds());
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
    }
}
