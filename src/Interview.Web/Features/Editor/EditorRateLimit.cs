using System.Threading.RateLimiting;
using Microsoft.AspNetCore.SignalR;

namespace Interview.Web.Features.Editor;

/// <summary>
/// The editor's limits for hub connections: one <see cref="EditorRateLimiter"/> per connection, kept in its items.
/// Typing sends a frame per keystroke, so this replaces the room hub's general call limit for the editor's methods.
/// </summary>
internal static class EditorRateLimit
{
    private const string Item = "editor-rate";

    public static void Check(HubCallerContext context, int bytes, EditorOptions options)
    {
        if (!context.Items.TryGetValue(Item, out var item) || item is not EditorRateLimiter limiter)
        {
            limiter = new EditorRateLimiter(options);
            context.Items[Item] = limiter;
        }
        if (limiter.TryAcquire(bytes) is { } refusal) throw new HubException(refusal);
    }

    public static void Dispose(HubCallerContext context)
    {
        if (context.Items.Remove(Item, out var item) && item is EditorRateLimiter limiter) limiter.Dispose();
    }
}

/// <summary>
/// Per-connection limits on editor frames, the same for hub connections and <c>/yjs</c> sockets: a token bucket of
/// frames (sustained <see cref="EditorOptions.FramesPerSecond"/>, bursts of twice that) and one of bytes per 10 seconds.
/// </summary>
internal sealed class EditorRateLimiter(EditorOptions options) : IDisposable
{
    private readonly TokenBucketRateLimiter _frames = new(new TokenBucketRateLimiterOptions
    {
        TokenLimit = options.FramesPerSecond * 2,
        TokensPerPeriod = options.FramesPerSecond,
        ReplenishmentPeriod = TimeSpan.FromSeconds(1),
        QueueLimit = 0,
    });

    private readonly TokenBucketRateLimiter _bytes = new(new TokenBucketRateLimiterOptions
    {
        TokenLimit = (int)Math.Min(options.BytesPer10Seconds, int.MaxValue),
        TokensPerPeriod = (int)Math.Min(options.BytesPer10Seconds / 10, int.MaxValue),
        ReplenishmentPeriod = TimeSpan.FromSeconds(1),
        QueueLimit = 0,
    });

    /// <summary>Takes one frame of <paramref name="bytes"/>; null when allowed, else the refusal to show.</summary>
    public string? TryAcquire(int bytes)
    {
        using var frame = _frames.AttemptAcquire();
        if (!frame.IsAcquired) return $"Too many editor messages: at most {options.FramesPerSecond} per second.";
        var permits = (int)Math.Min(bytes, options.BytesPer10Seconds);
        using var volume = _bytes.AttemptAcquire(permits);
        if (!volume.IsAcquired) return $"Too much editor data: at most {options.BytesPer10Seconds / (1024 * 1024)} MB per 10 seconds.";
        return null;
    }

    public void Dispose()
    {
        _frames.Dispose();
        _bytes.Dispose();
    }
}
