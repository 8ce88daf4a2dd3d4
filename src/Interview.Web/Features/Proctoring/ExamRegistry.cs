using System.Collections.Concurrent;
using Interview.Web.Features.Rooms;
using Interview.Web.Shared.Actors;
using Interview.Web.Shared.Persistence;
using Microsoft.Extensions.Options;

namespace Interview.Web.Features.Proctoring;

/// <summary>Finds a test's exam actor (loading it on first use) and knows which rooms belong to which test.</summary>
public interface IExamRegistry
{
    /// <summary>The exam of the test, loaded from storage on first use. <paramref name="testId"/> must pass <see cref="TestIds.IsValid"/>.</summary>
    Task<IExam> GetAsync(string testId);

    /// <summary>The test the room belongs to, or null for an ordinary room.</summary>
    Task<string?> TestOfRoomAsync(string roomId);

    /// <summary>Makes the room part of the test: its candidates appear on the test's dashboard.</summary>
    Task AssignRoomAsync(string roomId, string testId);
}

internal sealed class ExamRegistry(
    IExamStore store,
    IRoomRegistry rooms,
    IExamBroadcaster clients,
    IOptions<ProctoringOptions> options,
    TimeProvider time,
    ILoggerFactory loggers) : IExamRegistry, IAsyncDisposable
{
    private readonly ActorCache<ExamActor> _exams = new();
    private readonly ConcurrentDictionary<string, string?> _roomTests = new(StringComparer.Ordinal);
    private readonly ILogger _logger = loggers.CreateLogger("Interview.Proctoring");

    public async Task<IExam> GetAsync(string testId)
    {
        if (!TestIds.IsValid(testId)) throw new ArgumentException("Not a test id.", nameof(testId));
        return (await _exams.GetAsync(testId, LoadAsync))!;
    }

    private async Task<ExamActor?> LoadAsync(string testId)
    {
        var exam = new ExamActor(testId, store, rooms, clients, options.Value, time, _logger);
        await exam.LoadAsync(await store.GetRoomsAsync(testId));
        return exam;
    }

    public async Task<string?> TestOfRoomAsync(string roomId)
    {
        if (_roomTests.TryGetValue(roomId, out var known)) return known;
        var testId = await store.GetRoomTestAsync(roomId);
        _roomTests[roomId] = testId;
        return testId;
    }

    public async Task AssignRoomAsync(string roomId, string testId)
    {
        if (!TestIds.IsValid(testId)) throw new ArgumentException("Not a test id.", nameof(testId));
        await store.AssignRoomAsync(roomId, testId);
        _roomTests[roomId] = testId;
        await (await GetAsync(testId)).TrackRoomAsync(roomId);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var exam in await _exams.LoadedAsync()) await exam.DisposeAsync();
    }
}

/// <summary>Test ids as the outside system names them: 1–64 of [A-Za-z0-9._-] (the seed system used numbers).</summary>
public static class TestIds
{
    public static bool IsValid(string? id) =>
        id is { Length: > 0 and <= 64 } && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-');
}
