using System.Data.Common;
using Dapper;
using Interview.Web.Shared.Persistence;

namespace Interview.Web.Features.Editor;

/// <summary>
/// <see cref="IDocumentStore"/> on the configured <see cref="IDatabase"/>: tables <c>doc_updates</c> (the log, which
/// is also the history), <c>doc_snapshots</c> (the latest encoded state, for loading) and <c>doc_history_base</c>.
/// A sequence number is never reused: appending a number the log already has fails (the primary key) and changes nothing.
/// </summary>
public sealed partial class DocumentStore(IDatabase database) : IDocumentStore
{
    public async Task<StoredDocument> LoadAsync(string roomId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var snapshot = await connection.QuerySingleOrDefaultAsync<StateRow>(new CommandDefinition(
            "SELECT seq, data, created_at AS CreatedAt FROM doc_snapshots WHERE room_id = @room ORDER BY seq DESC LIMIT 1",
            new { room = roomId }, transaction, cancellationToken: cancellationToken));
        var snapshotSeq = snapshot?.Seq ?? 0;
        var updates = new List<StoredUpdate>();
        await foreach (var row in ReadUpdatesAsync(connection, transaction, roomId, snapshotSeq).WithCancellation(cancellationToken))
            updates.Add(row.ToStored());
        await transaction.CommitAsync(cancellationToken);
        return new StoredDocument(snapshot?.Data, snapshotSeq, updates);
    }

    public async Task AppendAsync(string roomId, IReadOnlyList<StoredUpdate> updates, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO doc_updates (room_id, seq, data, author, author_name, created_at) VALUES (@room, @seq, @data, @author, @name, @at)",
            updates.Select(u => new { room = roomId, seq = u.Seq, data = u.Data, author = u.Author, name = u.AuthorName, at = u.At.ToUnixTimeMilliseconds() }),
            transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
    }

    public Task SaveSnapshotAsync(string roomId, long throughSeq, byte[] state, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        ReplaceStateAsync(roomId, throughSeq, state, at, cancellationToken,
            """
            INSERT INTO doc_snapshots (room_id, seq, data, created_at) VALUES (@room, @seq, @data, @at)
            ON CONFLICT (room_id, seq) DO UPDATE SET data = excluded.data, created_at = excluded.created_at
            """,
            "DELETE FROM doc_snapshots WHERE room_id = @room AND seq < @seq");

    /// <summary>Runs <paramref name="statements"/> in one transaction, each bound to the room, seq, state and time.</summary>
    private async Task ReplaceStateAsync(string roomId, long throughSeq, byte[] state, DateTimeOffset at, CancellationToken cancellationToken,
        params string[] statements)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var parameters = new { room = roomId, seq = throughSeq, data = state, at = at.ToUnixTimeMilliseconds() };
        foreach (var sql in statements)
            await connection.ExecuteAsync(new CommandDefinition(sql, parameters, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>The room's updates after <paramref name="afterSeq"/>, oldest first, read as the caller goes (a history page stops early).</summary>
    private static IAsyncEnumerable<UpdateRow> ReadUpdatesAsync(DbConnection connection, DbTransaction transaction, string roomId, long afterSeq) =>
        connection.QueryUnbufferedAsync<UpdateRow>(
            "SELECT seq, data, author, created_at AS CreatedAt, author_name AS AuthorName FROM doc_updates WHERE room_id = @room AND seq > @after ORDER BY seq",
            new { room = roomId, after = afterSeq }, transaction);

    private sealed class UpdateRow
    {
        public long Seq { get; set; }
        public byte[] Data { get; set; } = [];
        public string? Author { get; set; }
        public long CreatedAt { get; set; }
        public string? AuthorName { get; set; }

        public StoredUpdate ToStored() => new(Seq, Data, Author, DateTimeOffset.FromUnixTimeMilliseconds(CreatedAt), AuthorName);
    }

    /// <summary>A snapshot or the history's base; <see cref="Data"/> is null when the query leaves it out.</summary>
    private sealed class StateRow
    {
        public long Seq { get; set; }
        public byte[]? Data { get; set; }
        public long CreatedAt { get; set; }
    }
}
