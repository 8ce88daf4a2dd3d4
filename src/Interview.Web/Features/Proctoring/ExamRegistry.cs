using System.Collections.Concurrent;

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

/// <summary>Finds exams as this node's proxies of their grains, and which test a room belongs to.</summary>
internal sealed class ExamRegistry(IExamStore store, IGrainFactory grains, Cluster.ExamNode node) : IExamRegistry
{
    /// <summary>Rooms known to belong to a test (an assignment never changes, so a known one never goes stale).</summary>
    private readonly ConcurrentDictionary<string, string> _roomTests = new(StringComparer.Ordinal);

    public async Task<IExam> GetAsync(string testId)
    {
        if (!TestIds.IsValid(testId)) throw new ArgumentException("Not a test id.", nameof(testId));
        return await node.GetAsync(testId);
    }

    public async Task<string?> TestOfRoomAsync(string roomId)
    {
        if (_roomTests.TryGetValue(roomId, out var known)) return known;
        // Not cached when none: another node may assign the room later.
        var testId = await store.GetRoomTestAsync(roomId);
        if (testId is not null) _roomTests[roomId] = testId;
        return testId;
    }

    public async Task AssignRoomAsync(string roomId, string testId)
    {
        if (!TestIds.IsValid(testId)) throw new ArgumentException("Not a test id.", nameof(testId));
        await store.AssignRoomAsync(roomId, testId);
        _roomTests[roomId] = testId;
        await grains.GetGrain<Cluster.IExamGrain>(testId).TrackRoomAsync(roomId);
    }
}

public static class TestIds
{
    public static bool IsValid(string? id) =>
        id is { Length: > 0 and <= 64 } && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-');
}
