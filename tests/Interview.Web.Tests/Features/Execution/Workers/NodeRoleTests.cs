using Interview.Web.Tests.Support;

namespace Interview.Web.Tests.Features.Execution.Workers;

/// <summary>A cluster setting the node cannot use (an unknown <c>INTERVIEW_ROLE</c>, a Redis that does not answer) stops it with one line.</summary>
public sealed class NodeRoleTests
{
    [Fact]
    public async Task An_unknown_role_exits_with_code_2_and_one_clear_line()
    {
        await using var node = NodeProcess.Start("manager", redis: null);

        var code = await node.WaitForExitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(2, code);
        Assert.Equal("INTERVIEW_ROLE must be web, worker or all, not 'manager'.", node.Output.Trim());
    }

    [Fact]
    public async Task A_redis_that_does_not_answer_stops_the_node_with_one_line_naming_the_setting()
    {
        var closed = ChildProcess.FreePort();
        await using var node = NodeProcess.Start("web", redis: $"127.0.0.1:{closed}");

        var code = await node.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(2, code);
        var line = Assert.Single(node.Output.Trim().Split('\n'));
        Assert.StartsWith($"INTERVIEW_REDIS: cannot reach Redis at 127.0.0.1:{closed}", line);
    }
}
