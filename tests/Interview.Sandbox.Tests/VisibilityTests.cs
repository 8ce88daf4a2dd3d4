namespace Interview.Sandbox.Tests;

/// <summary>What of the host a sandboxed program can read, as the web host's start-up check asks it.</summary>
public class VisibilityTests
{
    private static readonly SandboxOptions Options = new();

    [Theory]
    [InlineData("/usr/share/interview/appsettings.json", "/usr")]
    [InlineData("/etc/ssl/certs/interview-secret.json", "/etc/ssl/certs")]
    [InlineData("/lib/interview/data", "/usr")] // /lib is a symlink into /usr on Debian: resolved
    public void Paths_under_a_read_only_bind_are_visible(string path, string bind) =>
        Assert.Equal(bind, SandboxVisibility.ExposingBind(Options, path));

    [Theory]
    [InlineData("/var/lib/interview")]
    [InlineData("/etc/interview/appsettings.json")]
    [InlineData("/usr/local/interview/data")] // hidden behind a tmpfs
    [InlineData("/usr-data/interview")]       // a sibling of /usr, not inside it
    public void Paths_outside_every_bind_are_not(string path) =>
        Assert.Null(SandboxVisibility.ExposingBind(Options, path));
}
