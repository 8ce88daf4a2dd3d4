using Microsoft.AspNetCore.SignalR;

namespace Interview.Web.Features.Rooms;

/// <summary>Input checks at the hub boundary. Each failure is a <see cref="HubException"/> whose message the user can act on.</summary>
public static class RoomValidation
{
    public const int MaxDisplayName = 40;

    /// <summary>Returns the trimmed display name: 1–40 characters, no control characters.</summary>
    public static string DisplayName(string? name) =>
        TryDisplayName(name, out var clean, out var error) ? clean : throw new HubException(error);

    public static bool TryDisplayName(string? name, out string clean, out string error)
    {
        clean = (name ?? "").Trim();
        error = clean.Length switch
        {
            0 => "Enter a display name.",
            > MaxDisplayName => $"A display name can be at most {MaxDisplayName} characters.",
            _ when clean.Any(char.IsControl) => "A display name cannot contain control characters.",
            _ => "",
        };
        return error.Length == 0;
    }

    public const string SessionKeyRule = "The session key must be 16–64 characters of A–Z, a–z, 0–9, '-' or '_'.";

    public static void SessionKey(string? key)
    {
        if (!IsSessionKey(key)) throw new HubException(SessionKeyRule);
    }

    public static bool IsSessionKey(string? key) =>
        key is { Length: >= 16 and <= 64 } && key.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
