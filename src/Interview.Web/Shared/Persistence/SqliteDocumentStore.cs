using Microsoft.Data.Sqlite;

namespace Interview.Web.Shared.Persistence;

/// <summary>
/// <see cref="IDocumentStore"/> on the embedded SQLite file: tables <c>doc_updates</c> (the log, which is also the
/// history), <c>doc_snapshots</c> (the latest encoded state, for loading) and <c>doc_history_base</c>.
/// </summary>
public sealed partial class SqliteDocumentStore(SqliteDatabase database) : IDocumentStore
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
            command.CommandText = $"SELECT {UpdateColumns} FROM doc_updates WHERE room_id = $room AND seq > $after ORDER BY seq";
            command.Parameters.AddWithValue("$room", roomId);
            command.Parameters.AddWithValue("$after", snapshotSeq);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken)) updates.Add(ReadUpdate(reader));
        }
        await transaction.CommitAsync(cancellationToken);
        return new StoredDocument(snapshot, snapshotSeq, updates);
    }

    public async Task AppendAsync(string roomId, IReadOnlyList<StoredUpdate> updates, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "INSERT INTO doc_updates (room_id, seq, data, author, author_name, created_at) VALUES ($room, $seq, $data, $author, $name, $at)";
        command.Parameters.AddWithValue("$room", roomId);
        var seq = command.Parameters.Add("$seq", SqliteType.Integer);
        var data = command.Parameters.Add("$data", SqliteType.Blob);
        var author = command.Parameters.Add("$author", SqliteType.Text);
        var name = command.Parameters.Add("$name", SqliteType.Text);
        var at = command.Parameters.Add("$at", SqliteType.Integer);
        foreach (var update in updates)
        {
            seq.Value = update.Seq;
            data.Value = update.Data;
            author.Value = (object?)update.Author ?? DBNull.Value;
            name.Value = (object?)update.AuthorName ?? DBNull.Value;
            at.Value = update.At.ToUnixTimeMilliseconds();
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task SaveSnapshotAsync(string roomId, long throughSeq, byte[] state, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        await ReplaceStateAsync(roomId, throughSeq, state, at, cancellationToken,
            "INSERT OR REPLACE INTO doc_snapshots (room_id, seq, data, created_at) VALUES ($room, $seq, $data, $at)",
            "DELETE FROM doc_snapshots WHERE room_id = $room AND seq < $seq");
    }

    /// <summary>Runs <paramref name="statements"/> in one transaction, each bound to the room, seq, state and time.</summary>
    private async Task ReplaceStateAsync(string roomId, long throughSeq, byte[] state, DateTimeOffset at, CancellationToken cancellationToken,
        params string[] statements)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
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

    private const string UpdateColumns = "seq, data, author, created_at, author_name";

    private static StoredUpdate ReadUpdate(SqliteDataReader reader) => new(
        reader.GetInt64(0), (byte[])reader.GetValue(1), reader.IsDBNull(2) ? null : reader.GetString(2),
        DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3)), reader.IsDBNull(4) ? null : reader.GetString(4));
}
