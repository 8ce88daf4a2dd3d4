using Dapper;

namespace Interview.Web.Features.Editor;

/// <summary>The history side of the document store: pages for playback, its size, and folding its oldest part.</summary>
public sealed partial class DocumentStore
{
    public async Task<HistoryPage> ReadHistoryAsync(string roomId, long afterSeq, int maxBytes, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var historyBase = await connection.QuerySingleOrDefaultAsync<StateRow>(new CommandDefinition(
            "SELECT seq, created_at AS CreatedAt, CASE WHEN seq > @after THEN data END AS data FROM doc_history_base WHERE room_id = @room",
            new { room = roomId, after = afterSeq }, transaction, cancellationToken: cancellationToken));
        var baseSeq = historyBase?.Seq ?? 0;
        var baseState = historyBase?.Data;
        var updates = new List<StoredUpdate>();
        var more = false;
        long bytes = baseState?.Length ?? 0;
        await foreach (var row in ReadUpdatesAsync(connection, transaction, roomId, Math.Max(afterSeq, baseSeq)).WithCancellation(cancellationToken))
        {
            if (updates.Count > 0 && bytes + row.Data.Length > maxBytes)
            {
                more = true;
                break;
            }
            updates.Add(row.ToStored());
            bytes += row.Data.Length;
        }
        await transaction.CommitAsync(cancellationToken);
        return new HistoryPage(baseSeq, baseState, historyBase is null ? null : DateTimeOffset.FromUnixTimeMilliseconds(historyBase.CreatedAt),
            updates, more);
    }

    public async Task<HistorySize> GetHistorySizeAsync(string roomId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var (baseSeq, count, bytes) = await connection.QuerySingleAsync<(long, long, long)>(new CommandDefinition("""
            SELECT CAST(COALESCE((SELECT seq FROM doc_history_base WHERE room_id = @room), 0) AS BIGINT),
                   CAST(COUNT(*) AS BIGINT), CAST(COALESCE(SUM(LENGTH(data)), 0) AS BIGINT)
            FROM doc_updates WHERE room_id = @room
            """, new { room = roomId }, cancellationToken: cancellationToken));
        return new HistorySize(baseSeq, count, bytes);
    }

    public Task FoldHistoryAsync(string roomId, long throughSeq, byte[] state, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        ReplaceStateAsync(roomId, throughSeq, state, at, cancellationToken,
            """
            INSERT INTO doc_history_base (room_id, seq, data, created_at) VALUES (@room, @seq, @data, @at)
            ON CONFLICT (room_id) DO UPDATE SET seq = excluded.seq, data = excluded.data, created_at = excluded.created_at
            """,
            "DELETE FROM doc_updates WHERE room_id = @room AND seq <= @seq");
}
