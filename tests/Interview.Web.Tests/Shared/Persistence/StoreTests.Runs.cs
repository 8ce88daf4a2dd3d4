using Interview.Sandbox;
using Interview.Web.Features.Execution;

namespace Interview.Web.Tests.Shared.Persistence;

public abstract partial class StoreTests
{
    private static RunView Run(string id, long startedAt, RunState state = RunState.Queued) => new(
        id, "python", "Ada", At(startedAt), state, null, state == RunState.Finished ? RunStatus.Ok : null,
        "", "", null, 0, 0, 0, null, null, false, null);

    [Fact]
    public async Task Runs_are_saved_replaced_listed_newest_first_and_only_the_newest_kept()
    {
        var runs = new RunStore(_database);
        await CreateRoomAsync("r");
        await runs.SaveAsync("r", Run("a", 1), keep: 3);
        await runs.SaveAsync("r", Run("b", 2), keep: 3);
        var finished = Run("a", 1, RunState.Finished) with { Stdout = "hello, ünïcode\n", WallMs = 12, ExitCode = 0 };
        await runs.SaveAsync("r", finished, keep: 3);
        await runs.SaveAsync("other", Run("x", 9), keep: 3);

        Assert.Equal([Run("b", 2), finished], await runs.ListAsync("r", 10));
        Assert.Equal([Run("b", 2)], await runs.ListAsync("r", 1));

        await runs.SaveAsync("r", Run("c", 3), keep: 2);
        Assert.Equal(["c", "b"], (await runs.ListAsync("r", 10)).Select(r => r.Id));
        Assert.Equal(["x"], (await new RunStore(OpenAgain()).ListAsync("other", 10)).Select(r => r.Id));

        await Rooms.DeleteRoomAsync("r");
        Assert.Empty(await runs.ListAsync("r", 10));
    }
}
