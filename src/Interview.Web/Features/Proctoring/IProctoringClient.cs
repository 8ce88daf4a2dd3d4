namespace Interview.Web.Features.Proctoring;

/// <summary>Server→client calls of invigilation. Part of the room hub's client; each goes to one connection.</summary>
public interface IProctoringClient
{
    /// <summary>To a candidate: the observers now watching (an empty list: nobody; stop every stream).</summary>
    Task ObserversChanged(ObserversState state);

    /// <summary>To a candidate or an observer: a description, candidate or bye of one one-way stream.</summary>
    Task ExamSignal(ExamSignal signal);

    /// <summary>To an observer: the streams it watches now (a stream missing from the list has ended).</summary>
    Task WatchingChanged(IReadOnlyList<ActiveStream> streams);
}
