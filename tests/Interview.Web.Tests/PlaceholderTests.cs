namespace Interview.Web.Tests;

public class PlaceholderTests
{
    [Fact]
    public void Program_exists() => Assert.NotNull(typeof(Program));
}
