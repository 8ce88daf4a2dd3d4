using Interview.Web.Shared.Hosting;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace Interview.Web.Features.Playback.Components;

/// <summary>
/// Session playback: a button that opens a read-only view of the room document's history with a timeline. Blazor
/// only opens and closes it; the browser module playback.js loads the history over the room hub and does the
/// scrubbing and rendering locally, so moving the slider costs no round trip.
/// </summary>
public sealed partial class PlaybackPanel : ComponentBase, IAsyncDisposable
{
    public const string Module = ClientAssets.RequestPath + "/dist/playback.js";

    [Inject] private IJSRuntime JS { get; set; } = default!;

    private bool _open;
    private bool _attach;
    private ElementReference _play, _speed, _timeline, _author, _time, _status, _legend, _text;
    private IJSObjectReference? _module;
    private IJSObjectReference? _handle;

    private async Task ToggleAsync()
    {
        if (_open) await CloseAsync();
        else _open = _attach = true;
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!_attach) return;
        _attach = false;
        try
        {
            _module ??= await JS.InvokeAsync<IJSObjectReference>("import", Module);
            var handle = await _module.InvokeAsync<IJSObjectReference>("open", new
            {
                timeline = _timeline, text = _text, author = _author, time = _time, play = _play,
                speed = _speed, status = _status, legend = _legend,
            });
            if (!_open)
            {
                // Closed again while the history loaded.
                await handle.InvokeVoidAsync("dispose");
                await handle.DisposeAsync();
                return;
            }
            _handle = handle;
        }
        catch (JSDisconnectedException)
        {
        }
    }

    private async Task CloseAsync()
    {
        _open = false;
        var handle = _handle;
        _handle = null;
        if (handle is null) return;
        try
        {
            await handle.InvokeVoidAsync("dispose");
            await handle.DisposeAsync();
        }
        catch (JSDisconnectedException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        await CloseAsync();
        try
        {
            if (_module is not null) await _module.DisposeAsync();
        }
        catch (JSDisconnectedException)
        {
        }
    }
}
