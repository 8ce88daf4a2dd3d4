using Interview.Web.Tests.Support;
using Microsoft.Extensions.Options;

namespace Interview.Web.Tests.Features.Execution;

/// <summary>Every sandbox sees /usr (and a few other host paths) read-only: the host's data must not be there.</summary>
public sealed class SandboxVisibilityTests
{
    [Fact]
    public void A_data_directory_under_usr_stops_the_host_with_a_message_naming_the_setting_and_the_bind()
    {
        var dataDir = Path.Combine("/usr/share", $"interview-data-{Guid.NewGuid():N}");
        try
        {
            using var factory = new InterviewFactory(dataDir: dataDir);

            var error = Assert.ThrowsAny<OptionsValidationException>(() => factory.Server);
            Assert.Contains($"INTERVIEW_DATA_DIR ({dataDir}) is readable by every sandboxed program through the sandbox's read-only bind of /usr", error.Message);
        }
        finally
        {
            if (Directory.Exists(dataDir)) Directory.Delete(dataDir, recursive: true);
        }
    }

    [Fact]
    public void A_data_directory_reached_through_a_symlink_into_a_bind_is_refused_too()
    {
        var target = Path.Combine("/usr/share", $"interview-data-{Guid.NewGuid():N}");
        var link = Path.Combine(Path.GetTempPath(), $"interview-link-{Guid.NewGuid():N}");
        Directory.CreateDirectory(target);
        Directory.CreateSymbolicLink(link, target);
        try
        {
            using var factory = new InterviewFactory(dataDir: link);

            var error = Assert.ThrowsAny<OptionsValidationException>(() => factory.Server);
            Assert.Contains($"INTERVIEW_DATA_DIR ({link})", error.Message);
        }
        finally
        {
            Directory.Delete(link);
            Directory.Delete(target, recursive: true);
        }
    }

    [Fact]
    public async Task A_data_directory_outside_the_binds_starts()
    {
        await using var factory = new InterviewFactory();

        var health = await factory.CreateClient().GetAsync("/healthz");

        Assert.True(health.IsSuccessStatusCode);
    }
}
