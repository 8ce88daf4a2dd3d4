using Interview.Sandbox;
using Microsoft.Extensions.Options;

namespace Interview.Web.Features.Editor;

/// <summary>What a room's editor and runs need from the host, handed to each room actor as one bundle.</summary>
public sealed class EditorServices(
    IDocumentStore store,
    IEditorBroadcaster broadcaster,
    IOptions<EditorOptions> options,
    ICodeRunner runner,
    TimeProvider time)
{
    public IDocumentStore Store { get; } = store;
    public IEditorBroadcaster Broadcaster { get; } = broadcaster;
    public EditorOptions Options { get; } = options.Value;
    public ICodeRunner Runner { get; } = runner;
    public TimeProvider Time { get; } = time;
}
