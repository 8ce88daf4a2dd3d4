using System.Text;

namespace Interview.Sandbox.Isolation;

/// <summary>
/// Reads one output pipe to its end. Keeps the first <c>keep</c> bytes and reports them to the observer as they
/// arrive; past that it keeps draining (so the program never blocks on a full pipe) but drops the bytes and marks
/// the stream truncated; past <c>killAfter</c> bytes it asks for the run to be killed. Memory stays bounded by
/// <c>keep</c> plus one read buffer, whatever the program writes.
/// </summary>
internal sealed class OutputPump(Stream pipe, int keep, long killAfter, OutputStream stream, IRunObserver? observer, Action onFlood,
    Action? onReady = null)
{
    private bool _awaitingReady = onReady is not null;

    private readonly MemoryStream _kept = new();
    private readonly Decoder _decoder = new UTF8Encoding(false).GetDecoder();

    public bool Truncated { get; private set; }

    public long Total { get; private set; }

    public byte[] Kept => _kept.ToArray();

    public async Task RunAsync()
    {
        var buffer = new byte[16 * 1024];
        var chars = new char[buffer.Length + 1];
        var flooded = false;
        int n;
        while ((n = await pipe.ReadAsync(buffer).ConfigureAwait(false)) > 0)
        {
            var offset = 0;
            if (_awaitingReady)
            {
                // The stub's readiness byte (see SandboxLayout.StubCommand) comes before any program output.
                _awaitingReady = false;
                onReady!();
                offset = 1;
                n--;
                if (n == 0) continue;
            }
            Total += n;
            var take = (int)Math.Min(n, keep - _kept.Length);
            if (take > 0)
            {
                _kept.Write(buffer, offset, take);
                if (observer is not null)
                {
                    var count = _decoder.GetChars(buffer, offset, take, chars, 0, flush: false);
                    if (count > 0) observer.Output(stream, new string(chars, 0, count));
                }
            }
            if (take < n) Truncated = true;
            if (!flooded && Total > killAfter)
            {
                flooded = true;
                onFlood();
            }
        }
        if (observer is not null)
        {
            var count = _decoder.GetChars([], 0, 0, chars, 0, flush: true);
            if (count > 0) observer.Output(stream, new string(chars, 0, count));
        }
    }
}
