using System.Reflection;

namespace Interview.Architecture.Tests;

/// <summary>The libraries stay free of the web: the CRDT and the sandbox reference no ASP.NET, and the CLI uses both without a web host.</summary>
public class LayerTests
{
    public static TheoryData<string> Libraries => new() { "Interview.Crdt", "Interview.Sandbox", "interview" };

    [Theory]
    [MemberData(nameof(Libraries))]
    public void References_no_web_assembly(string assemblyName)
    {
        var references = Assembly.Load(assemblyName).GetReferencedAssemblies().Select(a => a.Name!).ToArray();

        Assert.DoesNotContain(references, name => name.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
        Assert.DoesNotContain(references, name => name.StartsWith("Interview.Web", StringComparison.Ordinal));
    }

    [Fact]
    public void Crdt_depends_on_nothing_but_the_base_class_library()
    {
        var references = Assembly.Load("Interview.Crdt").GetReferencedAssemblies().Select(a => a.Name!);

        Assert.All(references, name => Assert.True(
            name.StartsWith("System", StringComparison.Ordinal) || name is "netstandard" or "mscorlib",
            $"Interview.Crdt references {name}"));
    }
}
