using Microsoft.Extensions.Options;

namespace Interview.Web.Features.Rooms;

/// <summary>Deletes rooms that have been empty and idle for <see cref="RoomOptions.IdleExpiryHours"/>, with their data.</summary>
internal sealed partial class RoomExpiryService(
    IRoomStore store,
    IRoomRegistry rooms,
    IOptions<RoomOptions> options,
    TimeProvider time,
    ILogger<RoomExpiryService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.ExpiryScanSeconds), time);
        do
        {
            try { await SweepAsync(stoppingToken); }
            catch (Exception e) when (e is not OperationCanceledException) { LogSweepFailed(logger, e); }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>One pass: every idle room that nobody is in is deleted. Returns how many were.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var idleSince = time.GetUtcNow() - TimeSpan.FromHours(options.Value.IdleExpiryHours);
        var deleted = 0;
        foreach (var roomId in await store.FindIdleRoomsAsync(idleSince, cancellationToken))
        {
            if (rooms.LoadedRoomIds.Contains(roomId) && await rooms.FindAsync(roomId, cancellationToken) is { } room &&
                !await room.IsEmptyAsync())
            {
                continue;
            }
            await rooms.DeleteAsync(roomId, cancellationToken);
            LogExpired(logger, roomId);
            deleted++;
        }
        return deleted;
    }

    [LoggerMessage(1, LogLevel.Information, "Room {RoomId} expired after being idle and empty", EventName = "RoomExpired")]
    private static partial void LogExpired(ILogger logger, string roomId);

    [LoggerMessage(2, LogLevel.Error, "Looking for idle rooms failed", EventName = "SweepFailed")]
    private static partial void LogSweepFailed(ILogger logger, Exception exception);
}
