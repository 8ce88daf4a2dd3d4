using BlazorMonaco.Editor;
using Interview.Web.Features.Rooms;
using Interview.Web.Shared.Hosting;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace Interview.Web.Features.Editor.Components;

/// <summary>
/// The room's editor: BlazorMonaco for the text, the browser module editor.js for the Yjs sync (it talks to the room
/// hub, not to this component), and Blazor for the shared language and the runs, rendered from the room actor.
/// </summary>
public sealed partial class CodeEditor : ComponentBase, IAsyncDisposable
{
    /// <summary>
    /// BlazorMonaco's id of this editor, unique per component instance so a late attach of a replaced instance can
    /// never bind a second document to the new editor. The wrapper carries it as <c>data-editor-id</c>; tests read
    /// the text with <c>blazorMonaco.editor.getEditor(id)</c>.
    /// </summary>
    private readonly string EditorId = "room-editor-" + Guid.NewGuid().ToString("N")[..8];
    public const string Module = ClientAssets.RequestPath + "/dist/editor.js";

    [Parameter, EditorRequired] public IRoom Room { get; set; } = default!;
    [Parameter, EditorRequired] public ParticipantView Self { get; set; } = default!;

    /// <summary>Read-only for this participant (observers; candidates while the editor is locked). The server refuses their changes anyway.</summary>
    [Parameter] public bool ReadOnly { get; set; }

    [Inject] private IJSRuntime JS { get; set; } = default!;
    [Inject] private ILogger<CodeEditor> Logger { get; set; } = default!;

    private EditorView _view = new(EditorLanguages.Default, []);
    private IDisposable? _subscription;
    private ElementReference _wrapper;
    private ElementReference _errorElement;
    private IJSObjectReference? _module;
    private IJSObjectReference? _handle;
    private string? _languageError;
    private string _theme = "vs";
    private int _fontSize = 14;
    private bool _disposed;
    private StandaloneCodeEditor? _monaco;
    private bool _appliedReadOnly;

    protected override void OnInitialized()
    {
        _view = Room.EditorView;
        _subscription = Room.SubscribeEditor(view => _ = InvokeAsync(() =>
        {
            _view = view;
            StateHasChanged();
        }));
    }

    protected override async Task OnParametersSetAsync()
    {
        if (_handle is null || _monaco is null || _appliedReadOnly == ReadOnly) return;
        _appliedReadOnly = ReadOnly;
        try { await _monaco.UpdateOptions(new EditorUpdateOptions { ReadOnly = ReadOnly }); }
        catch (JSException e) { LogAttachFailed(Logger, EditorId, e.Message); }
        catch (JSDisconnectedException) { }
    }

    private StandaloneEditorConstructionOptions Construct(StandaloneCodeEditor editor)
    {
        _appliedReadOnly = ReadOnly;
        return new()
        {
            ReadOnly = ReadOnly,
            AutomaticLayout = true,
            Language = "plaintext",
            Value = "",
            Minimap = new EditorMinimapOptions { Enabled = false },
            ScrollBeyondLastLine = false,
            TabSize = 4,
        };
    }

    private async Task AttachAsync()
    {
        if (_disposed) return;
        var languages = EditorLanguages.All.ToDictionary(l => l.Id, l => l.MonacoId);
        try
        {
            _module ??= await JS.InvokeAsync<IJSObjectReference>("import", Module);
            var handle = await _module.InvokeAsync<IJSObjectReference>("attach", EditorId,
                new { wrapper = _wrapper, error = _errorElement },
                new { name = Self.DisplayName, participantId = Self.Id, languages });
            if (_disposed)
            {
                // The component went away while the module attached (e.g. the page re-rendered on a rejoin).
                await handle.InvokeVoidAsync("dispose");
                await handle.DisposeAsync();
                return;
            }
            _handle = handle;
            var settings = await handle.InvokeAsync<EditorSettings>("settings");
            _theme = settings.Theme;
            _fontSize = settings.FontSize;
        }
        catch (JSException e)
        {
            // Typically BlazorMonaco disposed this editor before the module found it (the page re-rendered on a
            // rejoin and a newer instance attaches instead). Never let it end the circuit.
            LogAttachFailed(Logger, EditorId, e.Message);
            return;
        }
        catch (JSDisconnectedException)
        {
            return;
        }
        StateHasChanged();
    }

    private async Task ChangeLanguageAsync(ChangeEventArgs e)
    {
        _languageError = await Room.SetLanguageAsync(Self.Id, e.Value?.ToString() ?? "");
    }

    private async Task ChangeThemeAsync(ChangeEventArgs e)
    {
        _theme = e.Value?.ToString() == "vs-dark" ? "vs-dark" : "vs";
        if (_handle is not null) await _handle.InvokeVoidAsync("setTheme", _theme);
    }

    private async Task ChangeFontSizeAsync(ChangeEventArgs e)
    {
        if (!int.TryParse(e.Value?.ToString(), out var size)) return;
        _fontSize = Math.Clamp(size, 10, 32);
        if (_handle is not null) await _handle.InvokeVoidAsync("setFontSize", _fontSize);
    }

    /// <summary>Waits until the server has every edit made here, so Run runs what the user sees.</summary>
    private async Task FlushAsync()
    {
        if (_handle is null) return;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try { await _handle.InvokeVoidAsync("flush", timeout.Token); }
        catch (TaskCanceledException) { }
    }

    public async ValueTask DisposeAsync()
    {
        _disposed = true;
        _subscription?.Dispose();
        try
        {
            if (_handle is not null)
            {
                await _handle.InvokeVoidAsync("dispose");
                await _handle.DisposeAsync();
            }
            if (_module is not null) await _module.DisposeAsync();
        }
        catch (JSDisconnectedException)
        {
            // The circuit is gone; the page took the module with it.
        }
    }

    private sealed record EditorSettings(string Theme, int FontSize);

    [LoggerMessage(1, LogLevel.Debug, "Editor {EditorId} did not attach: {Reason}", EventName = "AttachFailed")]
    private static partial void LogAttachFailed(ILogger logger, string editorId, string reason);
}
