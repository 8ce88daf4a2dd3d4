namespace Interview.Crdt.Tests;

public class PlaceholderTests
{
    [Fact]
    public void Doc_can_be_created() => Assert.NotNull(new Doc());
}
