using Dapper;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Interview.Web.Shared.Persistence;

/// <summary><c>/healthz</c> answers 503 while the database does not answer a trivial query within <see cref="Timeout"/>.</summary>
internal sealed class DatabaseHealthCheck(IDatabase database) : IHealthCheck
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(Timeout);
        try
        {
            await using var connection = await database.OpenAsync(deadline.Token);
            await connection.ExecuteScalarAsync<int>(new CommandDefinition("SELECT 1", cancellationToken: deadline.Token));
            return HealthCheckResult.Healthy();
        }
        catch (Exception e) when ((e is System.Data.Common.DbException or TimeoutException or OperationCanceledException) && !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy("The database does not answer.", e);
        }
    }
}
