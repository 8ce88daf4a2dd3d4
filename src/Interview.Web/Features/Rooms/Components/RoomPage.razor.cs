using Interview.Web.Shared.Hosting;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace Interview.Web.Features.Rooms.Components;

/// <summary>
/// The room page. Renders from the room actor's snapshots; the browser's room client (wwwroot/src/room.js) holds
/// the hub connection, joins with the tab's session key and rejoins by itself after reconnecting.
/// </summary>
public sealed partial class RoomPage : ComponentBase, IAsyncDisposable
{
    [Parameter] public string RoomId { get; set; } = "";

    /// <summary>An invite token from the link (<c>/r/{id}?invite=…</c>); the room client joins with it.</summary>
    [SupplyParameterFromQuery(Name = "invite")] public string? Invite { get; set; }

    [Inject] private IRoomRegistry Rooms { get; set; } = default!;
    [Inject] private IJSRuntime JS { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;

    private IRoom? _room;
    private RoomSnapshot? _snapshot;
    private IDisposable? _subscription;
    private ElementReference _statusElement;
    private IJSObjectReference? _module;
    private IJSObjectReference? _client;
    private DotNetObjectReference<RoomPage>? _self;
    private string? _participantId;
    private JoinStatus? _refusal;
    private bool _clientReady;
    private bool _joining;
    private bool _left;
    private bool _confirmingEnd;
    private string? _joinError;
    private string? _savedName;
    private string? _removedReason;
    private TimeZoneInfo _timeZone = TimeZoneInfo.Utc;

    private string Title => _snapshot is { Room.Title: { Length: > 0 } title } ? title : "Interview room";

    private ParticipantView? Self => _participantId is null ? null
        : _snapshot?.Participants.FirstOrDefault(p => p.Id == _participantId);

    protected override async Task OnInitializedAsync()
    {
        _room = await Rooms.FindAsync(RoomId);
        if (_room is null)
        {
            // Renders the router's not-found page with status 404 (the friendly page with a link to create a room).
            Navigation.NotFound();
            return;
        }
        _snapshot = _room.Snapshot;
        _subscription = _room.Subscribe(snapshot => _ = InvokeAsync(() =>
        {
            _snapshot = snapshot;
            StateHasChanged();
        }));
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender || _room is null || _snapshot!.Room.Ended) return;
        _self = DotNetObjectReference.Create(this);
        _module = await JS.InvokeAsync<IJSObjectReference>("import", ClientAssets.RoomModule);
        _client = await _module.InvokeAsync<IJSObjectReference>("connect", _statusElement, RoomId, _self, Invite);
        var zone = await _client.InvokeAsync<string?>("timeZone");
        if (zone is not null && TimeZoneInfo.TryFindSystemTimeZoneById(zone, out var found)) _timeZone = found;
        _savedName = await _client.InvokeAsync<string?>("savedName");
        _clientReady = true;
        if (_savedName is not null) await JoinAsync(_savedName);
        else StateHasChanged();
    }

    private async Task JoinAsync(string name)
    {
        if (_client is null || _joining) return;
        if (!RoomValidation.TryDisplayName(name, out var clean, out var error))
        {
            _joinError = error;
            return;
        }
        _joining = true;
        _joinError = null;
        StateHasChanged();
        try
        {
            var outcome = await _client.InvokeAsync<JoinOutcome>("join", clean);
            await ApplyAsync(outcome);
        }
        catch (JSException e)
        {
            _joinError = e.Message;
        }
        finally
        {
            _joining = false;
        }
        StateHasChanged();
    }

    /// <summary>Called by the room client after it rejoined on its own (reconnect): the participant may be new.</summary>
    [JSInvokable]
    public Task OnRejoined(JoinOutcome outcome) => InvokeAsync(async () =>
    {
        await ApplyAsync(outcome);
        StateHasChanged();
    });

    /// <summary>Called by the room client when an interviewer removed this tab or turned it away from the lobby.</summary>
    [JSInvokable]
    public Task OnRemoved(string reason) => InvokeAsync(() =>
    {
        _participantId = null;
        _refusal = JoinStatus.Removed;
        _removedReason = reason;
        StateHasChanged();
    });

    private async Task ApplyAsync(JoinOutcome outcome)
    {
        // The outcome comes from the browser: the page renders for the participant the room finds by the tab's
        // secret session key, never for an id the browser names (interviewer-only parts depend on it).
        var verified = outcome.Status == JoinStatus.Joined && _room is not null && outcome.SessionKey is { Length: > 0 } key
            ? await _room.FindParticipantAsync(key)
            : null;
        if (verified is not null)
        {
            // The actor published the join before answering: take that snapshot now, so the page does not flip
            // to the join form (unmounting the room's components) until the subscription delivers it.
            _snapshot = _room!.Snapshot;
            _participantId = verified;
            _refusal = null;
            _left = false;
        }
        else
        {
            _participantId = null;
            _refusal = outcome.Status == JoinStatus.Joined ? JoinStatus.NotFound : outcome.Status;
            if (outcome.Error is { } error) _joinError = error;
            if (outcome.Status == JoinStatus.Removed) _removedReason = outcome.Error;
        }
    }

    private async Task<string?> SendChatAsync(string text)
    {
        if (_room is null || _participantId is null) return "Join the room before chatting.";
        var result = await _room.PostChatAsync(_participantId, text);
        return result.Error;
    }

    private async Task EndRoomAsync()
    {
        if (_room is not null && _participantId is not null) await _room.EndAsync(_participantId);
    }

    private async Task LeaveAsync()
    {
        if (_client is not null) await _client.InvokeVoidAsync("leave");
        _participantId = null;
        _left = true;
    }

    public async ValueTask DisposeAsync()
    {
        _subscription?.Dispose();
        try
        {
            if (_client is not null)
            {
                await _client.InvokeVoidAsync("dispose");
                await _client.DisposeAsync();
            }
            if (_module is not null) await _module.DisposeAsync();
        }
        catch (JSDisconnectedException)
        {
            // The circuit is gone; the browser tore the client down with the page.
        }
        _self?.Dispose();
    }
}

/// <summary>What the room client reports after a join: the hub's status and participant id, or an error message.</summary>
public sealed record JoinOutcome(JoinStatus Status, string? ParticipantId, string? Error, string? SessionKey = null);
