using Interview.Web.Features.Rooms;
using Interview.Web.Tests.Support;
using Microsoft.AspNetCore.SignalR.Client;

namespace Interview.Web.Tests.Features.Rooms;

/// <summary>Roles and invites at the hub boundary: who joins as what, and which invites are refused.</summary>
public sealed partial class RolesHubTests : IAsyncLifetime
{
    private readonly ManualTime _time = new(DateTimeOffset.UtcNow);
    private InterviewFactory _factory = null!;

    public Task InitializeAsync()
    {
        _factory = new InterviewFactory(new() { ["Rooms:ReconnectGraceSeconds"] = "1" }) { Time = _time };
        _ = _factory.Server;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    private Task<CreatedRoom> NewRoomAsync(bool requireInvite = false, bool lobby = false) =>
        _factory.Rooms.CreateAsync("Roles", 6, new RoomAccess(requireInvite, lobby));

    private Task<RoomClient> InterviewerAsync(CreatedRoom room, string name = "Ivy") =>
        RoomClient.JoinAsync(_factory, room.Id, name, cookie: InterviewFactory.OwnerCookieHeader(room));

    [Fact]
    public async Task The_creator_is_an_interviewer_and_anyone_joining_an_open_room_by_its_address_is_a_candidate()
    {
        var room = await NewRoomAsync();
        await using var ivy = await InterviewerAsync(room);
        await using var cade = await RoomClient.JoinAsync(_factory, room.Id, "Cade");

        Assert.Equal(JoinStatus.Joined, cade.Join!.Status);
        var roles = cade.Join.Participants.ToDictionary(p => p.DisplayName, p => p.Role);
        Assert.Equal(ParticipantRole.Interviewer, roles["Ivy"]);
        Assert.Equal(ParticipantRole.Candidate, roles["Cade"]);
        Assert.True(cade.Join.Participants.Single(p => p.DisplayName == "Ivy").IsOwner);
        Assert.Equal(ParticipantRole.Candidate, (await ivy.Joined.FirstAsync(p => p.DisplayName == "Cade")).Role);
    }

    [Fact]
    public async Task An_invite_only_room_refuses_a_join_without_a_link()
    {
        var room = await NewRoomAsync(requireInvite: true);
        await using var stranger = await RoomClient.JoinAsync(_factory, room.Id, "Stranger");

        Assert.Equal(JoinStatus.InviteRequired, stranger.Join!.Status);
        Assert.Null(stranger.Join.ParticipantId);
        Assert.Empty((await _factory.Rooms.FindAsync(room.Id))!.Snapshot.Participants);
        // Nothing of the room reaches the refused connection.
        await Assert.ThrowsAsync<Microsoft.AspNetCore.SignalR.HubException>(() => stranger.SendChatAsync("hello"));
    }

    [Theory]
    [InlineData(ParticipantRole.Candidate)]
    [InlineData(ParticipantRole.Observer)]
    [InlineData(ParticipantRole.Interviewer)]
    public async Task An_invite_gives_its_role(ParticipantRole role)
    {
        var room = await NewRoomAsync(requireInvite: true);
        var token = await _factory.InviteAsync(room.Id, role);
        await using var guest = await RoomClient.JoinAsync(_factory, room.Id, "Guest", invite: token);

        Assert.Equal(JoinStatus.Joined, guest.Join!.Status);
        Assert.Equal(role, guest.Join.Participants.Single(p => p.Id == guest.Id).Role);
        Assert.False(guest.Join.Participants.Single(p => p.Id == guest.Id).IsOwner);
    }

    [Fact]
    public async Task A_named_invite_fixes_the_display_name()
    {
        var room = await NewRoomAsync(requireInvite: true);
        var token = await _factory.InviteAsync(room.Id, ParticipantRole.Candidate, name: "Cara Candidate", userId: "u-17");
        await using var guest = await RoomClient.JoinAsync(_factory, room.Id, "Somebody else", invite: token);

        Assert.Equal("Cara Candidate", guest.Join!.Participants.Single(p => p.Id == guest.Id).DisplayName);
    }

    [Fact]
    public async Task A_tampered_invite_is_refused()
    {
        var room = await NewRoomAsync(requireInvite: true);
        var token = await _factory.InviteAsync(room.Id, ParticipantRole.Candidate);
        // Re-sign nothing, only change the role inside the payload: the signature no longer matches.
        var payload = System.Text.Encoding.UTF8.GetString(Base64Url(token[..token.IndexOf('.')]));
        var forged = Base64UrlText(System.Text.Encoding.UTF8.GetBytes(payload.Replace("\"candidate\"", "\"interviewer\""))) + token[token.IndexOf('.')..];
        Assert.NotEqual(token, forged);

        await using var guest = await RoomClient.JoinAsync(_factory, room.Id, "Mallory", invite: forged);
        Assert.Equal(JoinStatus.InviteInvalid, guest.Join!.Status);
        Assert.Contains("not valid", guest.Join.Error);

        await using var garbage = await RoomClient.JoinAsync(_factory, room.Id, "Mallory", invite: "not-a-token");
        Assert.Equal(JoinStatus.InviteInvalid, garbage.Join!.Status);
    }

    [Fact]
    public async Task An_expired_invite_is_refused()
    {
        var room = await NewRoomAsync(requireInvite: true);
        var token = await _factory.InviteAsync(room.Id, ParticipantRole.Candidate, lifetime: TimeSpan.FromHours(1));
        _time.Advance(TimeSpan.FromHours(1) + TimeSpan.FromSeconds(1));

        await using var guest = await RoomClient.JoinAsync(_factory, room.Id, "Late", invite: token);
        Assert.Equal(JoinStatus.InviteInvalid, guest.Join!.Status);
        Assert.Contains("expired", guest.Join.Error);
    }

    [Fact]
    public async Task A_revoked_invite_is_refused_even_in_an_open_room()
    {
        var room = await NewRoomAsync();
        var invite = await _factory.Invites.MintAsync(new(room.Id, ParticipantRole.Interviewer));
        Assert.True(await _factory.Invites.RevokeAsync(room.Id, invite.Id));

        await using var guest = await RoomClient.JoinAsync(_factory, room.Id, "Revoked", invite: invite.Token);
        Assert.Equal(JoinStatus.InviteInvalid, guest.Join!.Status);
        Assert.Contains("revoked", guest.Join.Error);
    }

    [Fact]
    public async Task An_invite_for_another_room_is_refused()
    {
        var room = await NewRoomAsync(requireInvite: true);
        var other = await NewRoomAsync(requireInvite: true);
        var token = await _factory.InviteAsync(other.Id, ParticipantRole.Interviewer);

        await using var guest = await RoomClient.JoinAsync(_factory, room.Id, "Elsewhere", invite: token);
        Assert.Equal(JoinStatus.InviteInvalid, guest.Join!.Status);
        Assert.Contains("another room", guest.Join.Error);
    }

    [Fact]
    public async Task A_client_that_sends_no_invite_field_still_joins_an_open_room()
    {
        var room = await NewRoomAsync();
        await using var old = await RoomClient.ConnectAsync(_factory);
        var result = await old.Connection.InvokeAsync<JoinResult>(nameof(RoomHub.Join),
            new OldJoinRequest(room.Id, "Old client", RoomClient.NewSessionKey()));
        Assert.Equal(JoinStatus.Joined, result.Status);
    }

    public sealed record OldJoinRequest(string RoomId, string DisplayName, string SessionKey);

    private static byte[] Base64Url(string text) =>
        Convert.FromBase64String(text.Replace('-', '+').Replace('_', '/') + new string('=', (4 - text.Length % 4) % 4));

    private static string Base64UrlText(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
