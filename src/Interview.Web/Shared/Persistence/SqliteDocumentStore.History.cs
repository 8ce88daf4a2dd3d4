using Microsoft.Data.Sqlite;

namespace Interview.Web.Shared.Persistence;

/// <summary>The history side of the document store: pages for playback, its size, and folding its oldest part.</summary>
public sealed partial class SqliteDocumentStore
{
    public async Task<HistoryPage> ReadHistoryAsync(string roomId, long afterSeq, int maxBytes, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        long baseSeq = 0;
        byte[]? baseState = null;
        DateTimeOffset? baseAt = null;
        await using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = "SELECT seq, created_at, CASE WHEN seq > $after THEN data END FROM doc_history_base WHERE room_id = $room";
            command.Parameters.AddWithValue("$room", roomId);
            command.Parameters.AddWithValue("$after", afterSeq);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            if (await reader.ReadAsync(cancellationToken))
            {
                baseSeq = reader.GetInt64(0);
                baseAt = DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(1));
                baseState = reader.IsDBNull(2) ? null : (byte[])reader.GetValue(2);
            }
        }
        var updates = new List<StoredUpdate>();
        var more = false;
        await using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = $"SELECT {UpdateColumns} FROM doc_updates WHERE room_id = $room AND seq > $after ORDER BY seq";
            command.Parameters.AddWithValue("$room", roomId);
            command.Parameters.AddWithValue("$after", Math.Max(afterSeq, baseSeq));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            long bytes = baseState?.Length ?? 0;
            while (await reader.ReadAsync(cancellationToken))
            {
                var length = reader.GetBytes(1, 0, null, 0, 0);
                if (updates.Count > 0 && bytes + length > maxBytes)
                {
                    more = true;
                    break;
                }
                updates.Add(ReadUpdate(reader));
                bytes += length;
            }
        }
        await transaction.CommitAsync(cancellationToken);
        return new HistoryPage(baseSeq, baseState, baseAt, updates, more);
    }

    public async Task<HistorySize> GetHistorySizeAsync(string roomId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT COALESCE((SELECT seq FROM doc_history_base WHERE room_id = $room), 0), COUNT(*), COALESCE(SUM(LENGTH(data)), 0)
            FROM doc_updates WHERE room_id = $room
            """;
        command.Parameters.AddWithValue("$room", roomId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new HistorySize(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
    }

    public async Task FoldHistoryAsync(string roomId, long throughSeq, byte[] state, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        await ReplaceStateAsync(roomId, throughSeq, state, at, cancellationToken,
            "INSERT OR REPLACE INTO doc_history_base (room_id, seq, data, created_at) VALUES ($room, $seq, $data, $at)",
            "DELETE FROM doc_updates WHERE room_id = $room AND seq <= $seq");
    }
}
