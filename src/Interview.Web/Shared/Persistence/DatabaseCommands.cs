using Dapper;

namespace Interview.Web.Shared.Persistence;

/// <summary>One statement on a connection of its own, committed when it returns: what most store writes are.</summary>
public static class DatabaseCommands
{
    public static async Task ExecuteAsync(this IDatabase database, string sql, object parameters, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken));
    }
}
