namespace Interview.Sandbox.Tests;

public class PlaceholderTests
{
    [Fact]
    public void Runner_interface_exists() => Assert.True(typeof(ICodeRunner).IsInterface);
}
