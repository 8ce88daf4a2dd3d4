using Interview.Sandbox;
using Interview.Web.Shared.Persistence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Interview.Web.Features.Execution;

/// <summary>
/// Refuses to start (with the start-up validation of <see cref="SandboxOptions"/>) when the data directory or a
/// configuration file the host loaded lies under one of the sandbox's read-only binds (<c>/usr</c>, the runtimes,
/// a few <c>/etc</c> entries): every submitted program could read the database, the Data Protection keys or the
/// secrets in it. A worker node keeps no data (no <see cref="DataDirectory"/>): only its configuration files are checked.
/// </summary>
internal sealed class SandboxVisibilityCheck(IConfiguration configuration, DataDirectory? data = null) : IValidateOptions<SandboxOptions>
{
    public ValidateOptionsResult Validate(string? name, SandboxOptions options)
    {
        var failures = new List<string>();
        void Check(string setting, string path)
        {
            if (SandboxVisibility.ExposingBind(options, path) is { } bind)
                failures.Add($"{setting} ({path}) is readable by every sandboxed program through the sandbox's read-only bind of {bind}: move it outside {bind}");
        }
        if (data is not null) Check("INTERVIEW_DATA_DIR", data.Path);
        foreach (var file in ConfigurationFiles()) Check("the configuration file", file);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private IEnumerable<string> ConfigurationFiles() =>
        configuration is IConfigurationRoot root
            ? root.Providers.OfType<FileConfigurationProvider>()
                .Select(p => p.Source.FileProvider?.GetFileInfo(p.Source.Path ?? "").PhysicalPath)
                .OfType<string>()
            : [];
}
