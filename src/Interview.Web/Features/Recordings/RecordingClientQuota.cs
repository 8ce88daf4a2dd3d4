using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Interview.Web.Features.Recordings;

/// <summary>
/// Bytes of recordings one client (its address, as the trusted forwarded headers give it) may upload in a day, over
/// every room: a room's own quota does not stop someone who creates rooms to fill the disk. Counted in KiB (a
/// rate limiter's permits are ints), rounded up.
/// </summary>
public sealed class RecordingClientQuota : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter;
    private readonly int _perDayKib;

    public RecordingClientQuota(IOptions<RecordingsOptions> options)
    {
        _perDayKib = Kib(options.Value.MaxBytesPerClientPerDay);
        _limiter = PartitionedRateLimiter.Create<string, string>(client => RateLimitPartition.GetFixedWindowLimiter(client,
            _ => new FixedWindowRateLimiterOptions { PermitLimit = _perDayKib, Window = TimeSpan.FromDays(1), QueueLimit = 0 }));
    }

    /// <summary>Bytes <paramref name="client"/> may still upload today.</summary>
    public long Left(string client) => (_limiter.GetStatistics(client)?.CurrentAvailablePermits ?? _perDayKib) * 1024L;

    /// <summary>Takes a saved recording's size from the client's allowance; false when it no longer fits (an upload
    /// that ran at the same time took the rest).</summary>
    public bool TryTake(string client, long bytes)
    {
        var kib = Kib(bytes);
        if (kib > _perDayKib) return false;
        using var lease = _limiter.AttemptAcquire(client, kib);
        return lease.IsAcquired;
    }

    public string Reached() =>
        $"This client has uploaded its {RecordingsEndpoints.Size(_perDayKib * 1024L)} of recordings for today; try again tomorrow. The ones kept stay.";

    private static int Kib(long bytes) => (int)Math.Min(int.MaxValue, (bytes + 1023) / 1024);

    public void Dispose() => _limiter.Dispose();
}
