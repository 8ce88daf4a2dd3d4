using System.ComponentModel.DataAnnotations;

namespace Interview.Web.Features.Rooms;

/// <summary>Room settings, section <c>Rooms</c> (environment: <c>INTERVIEW_Rooms__DefaultCapacity</c>, …).</summary>
public sealed class RoomOptions
{
    public const string Section = "Rooms";

    /// <summary>Rooms one client may create per hour (home form and integration API together). Default 20.</summary>
    [Range(1, 100_000)]
    public int CreationsPerClientPerHour { get; set; } = 20;

    /// <summary>Participants a new room admits when its creator does not choose. Default 6.</summary>
    [Range(1, 50)]
    public int DefaultCapacity { get; set; } = 6;

    /// <summary>Highest capacity a creator may choose. Default 6 (a WebRTC mesh beyond six peers degrades).</summary>
    [Range(1, 50)]
    public int MaxCapacity { get; set; } = 6;

    /// <summary>
    /// People who may wait in a room's lobby at once; the next is refused with <c>Full</c>. Lobby entries never take
    /// one of the room's seats. Default 20.
    /// </summary>
    [Range(1, 1000)]
    public int MaxLobby { get; set; } = 20;

    /// <summary>How long a participant whose connection dropped stays listed as reconnecting before leaving. Default 30 s.</summary>
    [Range(0, 3600)]
    public double ReconnectGraceSeconds { get; set; } = 30;

    /// <summary>How long a participant whose page closed or reloaded stays listed, so a reload resumes seamlessly. Default 4 s.</summary>
    [Range(0, 3600)]
    public double PageHiddenGraceSeconds { get; set; } = 4;

    /// <summary>An empty room with no activity for this long is deleted with its data. Default 24 h.</summary>
    [Range(0.001, 24 * 365)]
    public double IdleExpiryHours { get; set; } = 24;

    /// <summary>How often idle rooms are looked for. Default 5 minutes.</summary>
    [Range(0.1, 86_400)]
    public double ExpiryScanSeconds { get; set; } = 300;

    /// <summary>Longest room title. Default 80 characters.</summary>
    [Range(1, 500)]
    public int MaxTitleLength { get; set; } = 80;

    /// <summary>Hub calls one connection may make per 10 seconds, all methods together. Default 200.</summary>
    [Range(1, 100_000)]
    public int HubCallsPer10Seconds { get; set; } = 200;
}
