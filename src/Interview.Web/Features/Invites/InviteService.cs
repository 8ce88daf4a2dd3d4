using System.Security.Cryptography;
using Interview.Web.Features.Rooms;
using Microsoft.Extensions.Options;

namespace Interview.Web.Features.Invites;

/// <summary>A request for an invite. <paramref name="Lifetime"/> null means the configured default.</summary>
public sealed record InviteDraft(
    string RoomId,
    ParticipantRole Role,
    TimeSpan? Lifetime = null,
    string? DisplayName = null,
    string? UserId = null,
    string? TestId = null,
    string? CreatedBy = null);

/// <summary>Outcome of checking a token: the claims, or a message saying why it cannot be used.</summary>
public sealed record InviteCheck(InviteClaims? Claims, string? Error)
{
    public bool IsValid => Claims is not null;
}

/// <summary>Bad input to <see cref="IInviteService.MintAsync"/>; the message says what to fix.</summary>
public sealed class InviteRequestException(string message) : Exception(message);

/// <summary>Mints, verifies and revokes signed, expiring invite links.</summary>
public interface IInviteService
{
    /// <summary>Stores and signs a new invite. Throws <see cref="InviteRequestException"/> for bad input.</summary>
    Task<InviteRecord> MintAsync(InviteDraft draft, CancellationToken cancellationToken = default);

    /// <summary>Checks signature, room (when <paramref name="roomId"/> is given), expiry and revocation.</summary>
    Task<InviteCheck> VerifyAsync(string? token, string? roomId = null, CancellationToken cancellationToken = default);

    Task<bool> RevokeAsync(string roomId, string inviteId, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<InviteRecord>> ListAsync(string roomId, CancellationToken cancellationToken = default);
}

internal sealed class InviteService(IInviteStore store, InviteKey key, IOptions<InviteOptions> options, TimeProvider time) : IInviteService
{
    public const int MaxIdLength = 128;

    /// <summary>The path that joins with an invite: <c>/i/{token}</c> (redirects to the room).</summary>
    public static string Path(string token) => "/i/" + token;

    public async Task<InviteRecord> MintAsync(InviteDraft draft, CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        if (!Enum.IsDefined(draft.Role)) throw new InviteRequestException("The role must be interviewer, candidate or observer.");
        var lifetime = draft.Lifetime ?? TimeSpan.FromHours(settings.DefaultLifetimeHours);
        if (lifetime <= TimeSpan.Zero) throw new InviteRequestException("An invite must be valid for some time.");
        if (lifetime > TimeSpan.FromHours(settings.MaxLifetimeHours))
            throw new InviteRequestException($"An invite can be valid for at most {settings.MaxLifetimeHours:0.#} hours.");
        string? name = null;
        if (draft.DisplayName is not null)
        {
            if (!RoomValidation.TryDisplayName(draft.DisplayName, out var clean, out var error)) throw new InviteRequestException(error);
            name = clean;
        }
        CheckId(draft.UserId, "userId");
        CheckId(draft.TestId, "testId");
        if (await store.CountAsync(draft.RoomId, cancellationToken) >= settings.MaxInvitesPerRoom)
            throw new InviteRequestException($"This room already has {settings.MaxInvitesPerRoom} invites; revoke unused ones or create a new room.");

        var now = time.GetUtcNow();
        var claims = new InviteClaims("v" + RandomNumberGenerator.GetString("abcdefghijkmnpqrstuvwxyz23456789", 15), draft.RoomId, draft.Role,
            now + lifetime, name, draft.UserId, draft.TestId);
        var token = InviteToken.Sign(claims, key.Bytes);
        var record = new InviteRecord(claims.InviteId, draft.RoomId, draft.Role, token, name, draft.UserId, draft.TestId, draft.CreatedBy,
            now, claims.ExpiresAt, null);
        await store.AddAsync(record, cancellationToken);
        return record;
    }

    public async Task<InviteCheck> VerifyAsync(string? token, string? roomId = null, CancellationToken cancellationToken = default)
    {
        if (InviteToken.Read(token, key.Bytes) is not { } claims)
            return new InviteCheck(null, "This invite link is not valid: it is incomplete or was changed.");
        if (roomId is not null && claims.RoomId != roomId) return new InviteCheck(null, "This invite link is for another room.");
        if (time.GetUtcNow() >= claims.ExpiresAt)
            return new InviteCheck(null, $"This invite link expired on {claims.ExpiresAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC; ask for a new one.");
        var stored = await store.GetAsync(claims.InviteId, cancellationToken);
        if (stored is null || stored.RoomId != claims.RoomId) return new InviteCheck(null, "This invite link is no longer valid; ask for a new one.");
        if (stored.RevokedAt is not null) return new InviteCheck(null, "This invite link was revoked; ask for a new one.");
        return new InviteCheck(claims, null);
    }

    public Task<bool> RevokeAsync(string roomId, string inviteId, CancellationToken cancellationToken = default) =>
        store.RevokeAsync(roomId, inviteId, time.GetUtcNow(), cancellationToken);

    public Task<IReadOnlyList<InviteRecord>> ListAsync(string roomId, CancellationToken cancellationToken = default) =>
        store.ListAsync(roomId, cancellationToken);

    private static void CheckId(string? value, string name)
    {
        if (value is null) return;
        if (value.Length is 0 or > MaxIdLength || value.Any(char.IsControl))
            throw new InviteRequestException($"{name} must be 1–{MaxIdLength} characters without control characters.");
    }
}
