using Interview.Web.Features.Media;
using Interview.Web.Features.Proctoring;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace Interview.Web.Features.Rooms;

/// <summary>
/// Invigilation. Observers open a test's dashboard with an exam pass (<c>WatchExam</c>) on a connection of their own
/// and ask for candidates' streams; candidates (participants of a room of the test who are not its owner) report
/// focus events and stream one way to the observers who asked. Every method checks the caller's side first.
/// </summary>
public sealed partial class RoomHub
{
    private const string WatcherItem = "exam-watcher";

    public async Task<ExamWelcome> WatchExam(WatchExamRequest request, [FromServices] IExamRegistry exams, [FromServices] ExamPasses passes,
        [FromServices] IOptions<MediaOptions> media, [FromServices] TimeProvider time)
    {
        if (request is null || !TestIds.IsValid(request.TestId)) throw new HubException("Not a test id.");
        if (passes.Verify(request.Token, request.TestId) is not { } pass)
            throw new HubException("Only observers can open this dashboard: the observer link is missing, expired or for another test.");
        if (JoinedRoom(Context) is not null) throw new HubException("This connection is in a room; open the dashboard on a connection of its own.");
        if (Watching(Context) is { } previous) await previous.Exam.DetachConnectionAsync(Context.ConnectionId);
        var exam = await exams.GetAsync(request.TestId);
        var watcherId = await exam.AttachWatcherAsync(new ExamObserver(pass.Name), Context.ConnectionId, request.WatcherId);
        Context.Items[WatcherItem] = new ExamWatch(exam, watcherId);
        return new ExamWelcome(watcherId, pass.Name, TurnCredentials.For(media.Value, watcherId, time.GetUtcNow()));
    }

    public async Task RequestStream(StreamRequest request)
    {
        var watch = CurrentWatcher();
        if (request is null || string.IsNullOrEmpty(request.CandidateId)) throw new HubException("Say whose stream.");
        if (await watch.Exam.RequestStreamAsync(watch.WatcherId, Context.ConnectionId, request) is { } error) throw new HubException(error);
    }

    public async Task StopStream(StreamRequest request)
    {
        var watch = CurrentWatcher();
        if (request is null || string.IsNullOrEmpty(request.CandidateId)) throw new HubException("Say whose stream.");
        if (await watch.Exam.StopStreamAsync(watch.WatcherId, Context.ConnectionId, request) is { } error) throw new HubException(error);
    }

    /// <summary>Every streaming session of the observer's test.</summary>
    public IReadOnlyList<ActiveStream> ListActiveStreams() => CurrentWatcher().Exam.Snapshot.Streams.ToArray();

    /// <summary>The candidate's invigilation module started (after every join): who watches now.</summary>
    public async Task<CandidateWelcome> ExamCandidateReady([FromServices] IExamRegistry exams, [FromServices] IOptions<MediaOptions> media,
        [FromServices] TimeProvider time)
    {
        var (exam, room, member) = await CurrentCandidateAsync(exams);
        var watchers = await exam.CandidateReadyAsync(room.Id, member);
        return new CandidateWelcome(exam.TestId, member.ParticipantId, watchers, TurnCredentials.For(media.Value, member.ParticipantId, time.GetUtcNow()));
    }

    public async Task ReportFocus(FocusReport report, [FromServices] IExamRegistry exams)
    {
        var (exam, room, member) = await CurrentCandidateAsync(exams);
        var (_, error) = await exam.RecordFocusAsync(room.Id, member, report);
        if (error is not null) throw new HubException(error);
    }

    /// <summary>
    /// Relays one message of a one-way stream: from a candidate to an observer watching that stream of theirs, or
    /// from the observer back to that candidate. Anything else is <see cref="SignalStatus.UnknownPeer"/>.
    /// </summary>
    public async Task<SignalStatus> ExamSignal(ExamSignalRequest request, [FromServices] IExamRegistry exams,
        [FromServices] IOptions<MediaOptions> options)
    {
        if (request is null) throw new HubException("A signal needs the participant id it is for.");
        SignalValidation.Check(new SignalRequest(request.To, request.Description, request.Candidate, request.Bye), options.Value);
        if (!Enum.IsDefined(request.Kind)) throw new HubException("Unknown stream kind.");
        var signal = (string from) => new ExamSignal(from, request.Kind, request.Link, request.Description, request.Candidate, request.Bye);
        if (Watching(Context) is { } watch)
        {
            if (await watch.Exam.WatchedCandidateAsync(watch.WatcherId, Context.ConnectionId, request.To, request.Kind) is not { } target ||
                await rooms.FindAsync(target.RoomId) is not { } room ||
                await room.MemberAsync(target.ParticipantId) is not { ConnectionId: { } connection })
                return SignalStatus.UnknownPeer;
            await Clients.Client(connection).ExamSignal(signal(watch.WatcherId));
            return SignalStatus.Relayed;
        }
        var (exam, _, member) = await CurrentCandidateAsync(exams);
        if (await exam.WatcherConnectionAsync(member.ParticipantId, request.To, request.Kind) is not { } watcherConnection)
            return SignalStatus.UnknownPeer;
        await Clients.Client(watcherConnection).ExamSignal(signal(member.ParticipantId));
        return SignalStatus.Relayed;
    }

    private ExamWatch CurrentWatcher() =>
        Watching(Context) ?? throw new HubException("Only observers can do this: open the exam's dashboard with an observer link.");

    internal static ExamWatch? Watching(HubCallerContext context) =>
        context.Items.TryGetValue(WatcherItem, out var item) ? item as ExamWatch : null;

    private async Task<(IExam Exam, IRoom Room, RoomMember Member)> CurrentCandidateAsync(IExamRegistry exams)
    {
        var (room, participantId) = Current();
        var member = await room.CurrentMemberAsync(participantId, Context.ConnectionId)
            ?? throw new HubException("This connection is no longer the participant's current one.");
        if (!member.IsCandidate) throw new HubException("Only the exam's candidates can do this.");
        var testId = await exams.TestOfRoomAsync(room.Id);
        if (testId is null && TestIds.IsValid(member.TestId))
        {
            // The candidate's invite names the test (the integration API minted it): the room joins that test.
            testId = member.TestId!;
            await exams.AssignRoomAsync(room.Id, testId);
        }
        if (testId is null) throw new HubException("This room is not part of an exam.");
        return (await exams.GetAsync(testId), room, member);
    }

    internal sealed record ExamWatch(IExam Exam, string WatcherId);
}
