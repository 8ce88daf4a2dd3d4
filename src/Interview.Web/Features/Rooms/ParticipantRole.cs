using System.Text.Json.Serialization;

namespace Interview.Web.Features.Rooms;

/// <summary>What a participant may do in a room. Travels by name (SignalR's MessagePack writes enums as strings).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ParticipantRole>))]
public enum ParticipantRole
{
    /// <summary>Runs the interview: the room's creator and anyone invited as an interviewer. May lock the editor,
    /// mute, remove and admit participants, end the room, and read and write the private notes and scorecard.</summary>
    Interviewer = 0,
    /// <summary>The person interviewed: edits (unless the editor is locked), runs code, chats; may wait in the lobby.</summary>
    Candidate = 1,
    /// <summary>Sees and hears; the editor is read-only; kept out of the candidate's tile grid unless unmuted.</summary>
    Observer = 2,
}

/// <summary>The role checks, in one place, used by the room actor (authoritative) and the UI (what to render).</summary>
public static class RolePolicy
{
    public static bool CanModerate(ParticipantRole role) => role == ParticipantRole.Interviewer;

    public static bool CanReadNotes(ParticipantRole role) => role == ParticipantRole.Interviewer;

    /// <summary>Editing the document and changing its language.</summary>
    public static bool CanEdit(ParticipantRole role, bool editorLocked) => role switch
    {
        ParticipantRole.Interviewer => true,
        ParticipantRole.Candidate => !editorLocked,
        _ => false,
    };

    public static bool CanRun(ParticipantRole role) => role != ParticipantRole.Observer;

    /// <summary>Lowercase name, as in <c>data-role</c> and invite tokens.</summary>
    public static string Name(ParticipantRole role) => role.ToString().ToLowerInvariant();

    public static bool TryParse(string? name, out ParticipantRole role) =>
        Enum.TryParse(name, ignoreCase: true, out role) && Enum.IsDefined(role) && !int.TryParse(name, out _);
}
