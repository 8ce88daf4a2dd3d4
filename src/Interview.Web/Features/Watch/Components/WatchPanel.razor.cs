using Interview.Web.Features.Rooms;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace Interview.Web.Features.Watch.Components;

public sealed partial class WatchPanel : ComponentBase, IAsyncDisposable
{
    [Parameter, EditorRequired] public IRoom Room { get; set; } = default!;
    [Parameter, EditorRequired] public ParticipantView Self { get; set; } = default!;

    private WatchState _state = WatchState.Empty;
    private IDisposable? _subscription;
    private ElementReference _host;
    private IJSObjectReference? _module;
    private IJSObjectReference? _player;
    private string _url = "";
    private string? _error;
    private bool _busy;
    private bool _disposed;

    private bool CanControl => _state.Control == WatchControl.Everyone || _state.Controllers.Contains(Self.Id);

    /// <summary>Buffering participants other than this one who are still connected.</summary>
    private IEnumerable<WatchBuffering> Buffering => _state.Buffering.Where(b => b.ParticipantId != Self.Id &&
        Room.Snapshot.Participants.Any(p => p.Id == b.ParticipantId && p.Presence == PresenceState.Connected));

    protected override void OnInitialized()
    {
        _state = Room.WatchState;
        _subscription = Room.SubscribeWatch(state => _ = InvokeAsync(() =>
        {
            _state = state;
            StateHasChanged();
        }));
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender) return;
        try
        {
            _module = await JS.InvokeAsync<IJSObjectReference>("import", WatchAssets.Module);
            var player = await _module.InvokeAsync<IJSObjectReference>("mount", _host, new { youTubeIframeApiUrl = Options.Value.YouTubeIframeApiUrl });
            if (_disposed)
            {
                await player.InvokeVoidAsync("dispose");
                await player.DisposeAsync();
                return;
            }
            _player = player;
        }
        catch (JSDisconnectedException)
        {
            // The circuit went away while mounting.
        }
    }

    private Task LoadAsync() => RunAsync(async video => await Room.WatchLoadAsync(Self.Id, video));

    private Task EnqueueAsync() => RunAsync(async video => await Room.WatchEnqueueAsync(Self.Id, video));

    private async Task RunAsync(Func<VideoItem, Task<string?>> command)
    {
        if (_busy) return;
        _busy = true;
        _error = null;
        try
        {
            // Checked before resolving, so a refused participant never makes the server ask oEmbed.
            var error = await Room.CanControlWatchAsync(Self.Id);
            if (error is null)
            {
                var (video, invalid) = await Resolver.ResolveAsync(_url);
                error = invalid ?? await command(video!);
            }
            _error = error;
            if (error is null) _url = "";
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task NextAsync() => _error = await Room.WatchNextAsync(Self.Id);

    private async Task RemoveAsync(string videoId) => _error = await Room.WatchRemoveAsync(Self.Id, videoId);

    private async Task SetControlAsync(ChangeEventArgs e)
    {
        _error = Enum.TryParse<WatchControl>(e.Value?.ToString(), out var control)
            ? await Room.WatchSetControlAsync(Self.Id, control)
            : "Unknown playback control setting.";
    }

    public async ValueTask DisposeAsync()
    {
        _disposed = true;
        _subscription?.Dispose();
        try
        {
            if (_player is not null)
            {
                await _player.InvokeVoidAsync("dispose");
                await _player.DisposeAsync();
            }
            if (_module is not null) await _module.DisposeAsync();
        }
        catch (JSDisconnectedException)
        {
            // The circuit is gone; the page (and its player) went with it.
        }
    }
}
