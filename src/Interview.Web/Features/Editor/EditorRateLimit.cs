using System.Threading.RateLimiting;
using Microsoft.AspNetCore.SignalR;

namespace Interview.Web.Features.Editor;

/// <summary>
/// Per-connection limits on editor frames: a token bucket of frames (sustained <see cref="EditorOptions.FramesPerSecond"/>,
/// bursts of twice that) and one of bytes per 10 seconds. Typing sends a frame per keystroke, so this replaces the
/// room hub's general call limit for the editor's methods.
/// </summary>
internal static class EditorRateLimit
{
    private const string Item = "editor-rate";

    public static void Check(HubCallerContext context, int bytes, EditorOptions options)
    {
        if (!context.Items.TryGetValue(Item, out var item) || item is not Limiters limiters)
        {
            limiters = new Limiters(options);
            context.Items[Item] = limiters;
        }
        using var frame = limiters.Frames.AttemptAcquire();
        if (!frame.IsAcquired) throw new HubException($"Too many editor messages: at most {options.FramesPerSecond} per second.");
        var permits = (int)Math.Min(bytes, options.BytesPer10Seconds);
        using var volume = limiters.Bytes.AttemptAcquire(permits);
        if (!volume.IsAcquired) throw new HubException($"Too much editor data: at most {options.BytesPer10Seconds / (1024 * 1024)} MB per 10 seconds.");
    }

    public static void Dispose(HubCallerContext context)
    {
        if (context.Items.Remove(Item, out var item) && item is Limiters limiters) limiters.Dispose();
    }

    private sealed class Limiters(EditorOptions options) : IDisposable
    {
        public TokenBucketRateLimiter Frames { get; } = new(new TokenBucketRateLimiterOptions
        {
            TokenLimit = options.FramesPerSecond * 2,
            TokensPerPeriod = options.FramesPerSecond,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = 0,
        });

        public TokenBucketRateLimiter Bytes { get; } = new(new TokenBucketRateLimiterOptions
        {
            TokenLimit = (int)Math.Min(options.BytesPer10Seconds, int.MaxValue),
            TokensPerPeriod = (int)Math.Min(options.BytesPer10Seconds / 10, int.MaxValue),
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = 0,
        });

        public void Dispose()
        {
            Frames.Dispose();
            Bytes.Dispose();
        }
    }
}
