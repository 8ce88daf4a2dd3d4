using System.ComponentModel.DataAnnotations;

namespace Interview.Web.Features.Proctoring;

/// <summary>Invigilation settings, section <c>Proctoring</c> (environment: <c>INTERVIEW_Proctoring__TimelineLength</c>, …).</summary>
public sealed class ProctoringOptions
{
    public const string Section = "Proctoring";

    /// <summary>Focus events kept per candidate for the dashboard's timeline (all of them stay stored). Default 50.</summary>
    [Range(1, 1000)]
    public int TimelineLength { get; set; } = 50;

    /// <summary>Focus events stored per candidate at most; later ones are refused. Default 2,000.</summary>
    [Range(1, 1_000_000)]
    public int MaxFocusEventsPerCandidate { get; set; } = 2000;

    /// <summary>Focus events accepted per candidate per minute (a flapping window sends many blurs). Default 60.</summary>
    [Range(1, 10_000)]
    public int FocusEventsPerMinute { get; set; } = 60;

    /// <summary>Observers watching one candidate's stream of one kind at the same time. Default 8.</summary>
    [Range(1, 64)]
    public int MaxWatchersPerStream { get; set; } = 8;
}
