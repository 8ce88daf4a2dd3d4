using System.Diagnostics.Metrics;

namespace Interview.Web.Features.Editor;

/// <summary>
/// The editor's meter (<c>Interview.Editor</c>): bytes waiting in the y-websocket clients' outbound queues, and the
/// clients closed for not reading them. Exported by whatever metrics listener the host runs (e.g. OpenTelemetry).
/// </summary>
public sealed class EditorMetrics
{
    public const string MeterName = "Interview.Editor";
    public const string OutboundQueuedBytes = "interview.editor.yjs.outbound_queued_bytes";
    public const string SlowReadersClosed = "interview.editor.yjs.slow_readers_closed";

    private readonly UpDownCounter<long> _queued;
    private readonly Counter<long> _slowClosed;

    public EditorMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _queued = meter.CreateUpDownCounter<long>(OutboundQueuedBytes, "By", "Bytes queued for y-websocket clients and not yet taken by their sockets");
        _slowClosed = meter.CreateCounter<long>(SlowReadersClosed, "{socket}", "y-websocket clients closed because their outbound queue overflowed");
    }

    internal void Queued(long bytes) => _queued.Add(bytes);

    internal void SlowReaderClosed() => _slowClosed.Add(1);
}
